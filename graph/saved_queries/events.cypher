MATCH (e:Event)
WHERE $kind = '' OR e.kind = $kind
OPTIONAL MATCH (c:Claim)-[:ABOUT]->(e)
OPTIONAL MATCH (c)-[:STATED_IN]->(d:Document)
WITH e, c, d
ORDER BY c.category, c.value, d.path
WITH e, collect(DISTINCT d.path) AS sources,
     collect(coalesce(c.qualifier, '') + ' ' + toString(c.value) + ' ' + coalesce(c.category, '') + ' '
             + coalesce(c.direction, '') + ' [' + d.path + ', confidence ' + toString(c.attach_confidence) + ']') AS claims
RETURN e.key AS event, e.kind AS kind, e.date AS date, e.date_end AS until, e.stage AS stage, e.names AS names,
       e.anchored AS date_written_by_a_source, size(sources) AS source_count, sources, claims
ORDER BY date DESC, event
LIMIT $limit
