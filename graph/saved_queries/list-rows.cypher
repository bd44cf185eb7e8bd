
MATCH (d:Document)<-[l:LISTED_IN]-(p:Person)
WHERE d.doc_id = $document OR d.path = $document OR d.file_name = $document
RETURN d.path AS document, d.list_title AS list, l.row AS row, p.name AS person, l.birth_date AS birth_date,
       l.rank AS rank, l.unit AS unit, l.status AS status, l.status_date AS status_date, l.page AS page,
       l.start AS start, l.end AS end, l.bbox AS bbox, l.bbox_unit AS bbox_unit, l.raw AS raw,
       l.repairs AS repairs, l.confidence AS confidence
ORDER BY document, row
LIMIT $limit
