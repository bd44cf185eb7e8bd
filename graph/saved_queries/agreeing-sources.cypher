
MATCH (c:Claim)
WHERE c.claim_id = $claim OR toLower(c.text) CONTAINS toLower($claim)
MATCH (c)-[r:CORROBORATES]-(o:Claim)
MATCH (c)-[s:STATED_IN]->(d:Document)
MATCH (o)-[so:STATED_IN]->(od:Document)
RETURN c.text AS claim, d.path AS source, [s.page, s.start, s.end] AS span, r.score AS score,
       r.reason AS reason, o.text AS agreeing_claim, od.path AS agreeing_source, od.published AS published,
       [so.page, so.start, so.end] AS agreeing_span, c.claim_id AS claim_id, o.claim_id AS agreeing_claim_id
ORDER BY claim_id, score DESC, agreeing_source
