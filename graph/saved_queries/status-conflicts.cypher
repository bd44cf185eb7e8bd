
MATCH (a:Claim)-[r:CONTRADICTS]->(b:Claim)
WHERE a.kind = 'status' AND b.kind = 'status'
OPTIONAL MATCH (p:Person {key: a.subject_key})
MATCH (a)-[sa:STATED_IN]->(da:Document)
MATCH (b)-[sb:STATED_IN]->(db:Document)
RETURN coalesce(p.name, a.subject_key) AS person, p.birth_date AS birth_date, r.reason AS reason,
       a.status AS status_a, a.status_date AS date_a, da.path AS source_a, [sa.page, sa.start, sa.end] AS span_a,
       b.status AS status_b, b.status_date AS date_b, db.path AS source_b, [sb.page, sb.start, sb.end] AS span_b
ORDER BY person, date_a
LIMIT $limit
