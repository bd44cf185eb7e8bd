
MATCH (e)
WHERE (e:Person OR e:Unit OR e:Place OR e:Organization)
  AND (e.key IN $entity_keys
       OR (size($entity_fold) >= 4 AND e.key CONTAINS $entity_fold)
       OR toLower(e.name) CONTAINS toLower($entity)
       OR any(a IN e.aliases WHERE toLower(a) CONTAINS toLower($entity)))
OPTIONAL MATCH (e)-[s:POSSIBLY_SAME_AS]-(o:Person)
WITH e, collect(DISTINCT o.name + coalesce(' (' + o.birth_date + ')', '') + ' ' + toString(s.score)
     + ': ' + s.reason) AS possibly_same_as
MATCH (d:Document)-[m:MENTIONS]->(e)
WITH e, possibly_same_as, d, count(m) AS mentions, collect(DISTINCT m.surface) AS surfaces,
     collect(DISTINCT m.page) AS pages, collect([m.page, m.start, m.end]) AS spans,
     collect(DISTINCT m.method) AS methods, collect(DISTINCT m.resolved_from) AS resolved_from
RETURN labels(e)[0] AS kind, e.name AS entity, e.key AS key, e.birth_date AS birth_date,
       e.aliases AS all_surface_forms, d.path AS document, d.language AS language, mentions, surfaces,
       pages, spans, methods, resolved_from, possibly_same_as
ORDER BY kind, entity, document
