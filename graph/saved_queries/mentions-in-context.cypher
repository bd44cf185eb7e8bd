
MATCH (e)
WHERE (e:Person OR e:Unit OR e:Place OR e:Organization)
  AND (e.key IN $entity_keys
       OR (size($entity_fold) >= 4 AND e.key CONTAINS $entity_fold)
       OR toLower(e.name) CONTAINS toLower($entity)
       OR any(a IN e.aliases WHERE toLower(a) CONTAINS toLower($entity)))
MATCH (d:Document)-[m:MENTIONS]->(e)
RETURN e.name AS entity, d.path AS document, m.page AS page, m.start AS start, m.end AS end,
       m.surface AS surface, m.sentence AS sentence, m.method AS method, m.confidence AS confidence
ORDER BY document, page, start
LIMIT $limit
