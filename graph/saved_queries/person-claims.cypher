
MATCH (e:Person)
WHERE e.key IN $person_keys
   OR (size($person_fold) >= 4 AND e.key CONTAINS $person_fold)
   OR toLower(e.name) CONTAINS toLower($person)
   OR any(a IN e.aliases WHERE toLower(a) CONTAINS toLower($person))
MATCH (c:Claim)-[:ABOUT]->(e)
MATCH (c)-[s:STATED_IN]->(d:Document)
OPTIONAL MATCH (c)-[l:CORROBORATES|CONTRADICTS]-(:Claim)
WITH e, c, s, d, collect(type(l) + ' ' + toString(l.score) + ': ' + l.reason) AS links
RETURN e.name AS person, e.birth_date AS birth_date, c.kind AS kind, c.text AS claim, c.value AS value, c.qualifier AS qualifier,
       c.category AS category, c.direction AS direction, c.status AS status, c.status_date AS status_date,
       c.speaker_name AS speaker, d.path AS source, d.published AS published, [s.page, s.start, s.end] AS span, c.event_key AS event, links, c.claim_id AS claim_id
ORDER BY person, coalesce(c.status_date, c.event_date, d.published), source
