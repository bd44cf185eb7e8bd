
MATCH (e)
WHERE (e:Person OR e:Unit OR e:Place OR e:Organization)
  AND (e.key IN $entity_keys
       OR (size($entity_fold) >= 4 AND e.key CONTAINS $entity_fold)
       OR toLower(e.name) CONTAINS toLower($entity)
       OR any(a IN e.aliases WHERE toLower(a) CONTAINS toLower($entity)))
MATCH (e)<-[:MENTIONS]-(d:Document)-[:MENTIONS]->(other)
WHERE other <> e
WITH e, other, collect(DISTINCT d.path) AS documents
RETURN e.name AS entity, labels(other)[0] AS kind, other.name AS co_mentioned,
       size(documents) AS shared_documents, documents
ORDER BY shared_documents DESC, co_mentioned
LIMIT $limit
