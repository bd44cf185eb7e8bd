
MATCH (c:Claim)
WHERE c.event_key = $event OR c.event_date = $event
MATCH (c)-[s:STATED_IN]->(d:Document)
OPTIONAL MATCH (c)-[l:CORROBORATES|CONTRADICTS]-(:Claim)
WITH c, s, d, collect(type(l) + ' ' + toString(l.score) + ': ' + l.reason) AS links
RETURN c.event_key AS event, c.kind AS kind, c.text AS claim, c.value AS value, c.qualifier AS qualifier,
       c.category AS category, c.direction AS direction, c.status AS status, c.status_date AS status_date,
       c.speaker_name AS speaker, d.path AS source, d.published AS published, [s.page, s.start, s.end] AS span, links,
       c.attach_confidence AS attach_confidence, c.attach_reason AS why_this_event, c.claim_id AS claim_id
ORDER BY event, category, value, source
