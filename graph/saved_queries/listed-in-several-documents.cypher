
MATCH (p:Person)-[l:LISTED_IN]->(d:Document)
WITH p, collect(DISTINCT d.doc_id) AS docs,
     collect({document: d.path, list: d.list_title, page: l.page, row: l.row, rank: l.rank, unit: l.unit,
              status: l.status, status_date: l.status_date}) AS listings
WHERE size(docs) >= $min_documents
OPTIONAL MATCH (p)-[s:POSSIBLY_SAME_AS]-(o:Person)
WITH p, docs, listings, collect(DISTINCT o.name + coalesce(' (' + o.birth_date + ')', '') + ' ' + toString(s.score)
     + ': ' + s.reason) AS possibly_same_as
RETURN p.name AS person, p.birth_date AS birth_date, size(docs) AS documents, listings, possibly_same_as
ORDER BY documents DESC, person, birth_date
