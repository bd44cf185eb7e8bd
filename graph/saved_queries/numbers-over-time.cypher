
MATCH (c:Claim {category: $category})
WHERE c.kind = 'quantity' AND c.event_date IS NOT NULL
MATCH (c)-[s:STATED_IN]->(d:Document)
RETURN c.event_date AS date, c.event_key AS event, c.direction AS direction,
       c.category_detail AS detail, c.value AS value, c.qualifier AS qualifier, d.path AS source,
       d.published AS published, [s.page, s.start, s.end] AS span, c.claim_id AS claim_id
ORDER BY date, event, direction, source
LIMIT $limit
