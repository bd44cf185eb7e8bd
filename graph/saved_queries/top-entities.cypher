
MATCH (d:Document)-[:MENTIONS]->(e)
WHERE (e:Person OR e:Unit OR e:Place OR e:Organization) AND ($kind = '' OR $kind IN labels(e))
WITH e, count(DISTINCT d) AS documents
RETURN labels(e)[0] AS kind, e.name AS entity, documents, e.aliases AS aliases
ORDER BY documents DESC, entity
LIMIT $limit
