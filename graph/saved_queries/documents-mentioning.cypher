
MATCH (e)
WHERE (e:Person OR e:Unit OR e:Place OR e:Organization)
  AND (e.key IN $entity_keys
       OR (size($entity_fold) >= 4 AND e.key CONTAINS $entity_fold)
       OR toLower(e.name) CONTAINS toLower($entity)
       OR any(a IN e.aliases WHERE toLower(a) CONTAINS toLower($entity)))
MATCH (d:Document)-[m:MENTIONS]->(e)
WITH e, d, count(m) AS mentions, collect(DISTINCT m.surface) AS surfaces, collect(DISTINCT m.page) AS pages
RETURN labels(e)[0] AS kind, e.name AS entity, d.path AS document, d.title AS title,
       d.language AS language, d.published AS published, d.published_source AS published_source, mentions,
       surfaces, pages
ORDER BY mentions DESC, document
