
MATCH (a:Person)-[r:POSSIBLY_SAME_AS]->(b:Person)
WHERE r.score * 100 >= $min_score
OPTIONAL MATCH (a)<-[:MENTIONS]-(da:Document)
WITH a, r, b, collect(DISTINCT da.path) AS documents_a
OPTIONAL MATCH (b)<-[:MENTIONS]-(db:Document)
WITH a, r, b, documents_a, collect(DISTINCT db.path) AS documents_b
RETURN r.score AS score, r.reason AS reason, a.name AS person_a, a.birth_date AS birth_date_a, documents_a,
       b.name AS person_b, b.birth_date AS birth_date_b, documents_b, a.key AS key_a, b.key AS key_b
ORDER BY score DESC, person_a, person_b
LIMIT $limit
