
MATCH (d:Document)
WHERE d.doc_id = $document OR d.path = $document OR d.file_name = $document
OPTIONAL MATCH (d)-[m:MENTIONS]->(e)
WITH d, e, collect([m.page, m.start, m.end]) AS spans, collect(DISTINCT m.surface) AS surfaces
RETURN d.path AS document, d.title AS title, d.language AS language, d.published AS published,
       d.published_source AS published_source, d.media_type AS media_type, d.pages AS pages, d.ocr AS ocr,
       d.status AS status, d.error AS error,
       labels(e)[0] AS kind, e.name AS entity, surfaces, spans
ORDER BY kind, entity
