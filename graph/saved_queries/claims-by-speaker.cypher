
MATCH (c:Claim) WHERE c.speaker_name IS NOT NULL OR (c)-[:SAID_BY]->()
OPTIONAL MATCH (c)-[:SAID_BY]->(e)
WITH c, e
WHERE (e IS NOT NULL AND (e.key IN $speaker_keys
                          OR (size($speaker_fold) >= 4 AND e.key CONTAINS $speaker_fold)
                          OR toLower(e.name) CONTAINS toLower($speaker)
                          OR any(a IN e.aliases WHERE toLower(a) CONTAINS toLower($speaker))))
   OR toLower(coalesce(c.speaker_name, '')) CONTAINS toLower($speaker)
MATCH (c)-[s:STATED_IN]->(d:Document)
RETURN coalesce(e.name, c.speaker_name) AS speaker, c.verb AS verb, c.quote AS quote, c.text AS claim,
       c.kind AS kind, c.event_key AS event, d.path AS source, d.published AS published,
       [s.page, s.start, s.end] AS span, c.claim_id AS claim_id
ORDER BY speaker, published, source
