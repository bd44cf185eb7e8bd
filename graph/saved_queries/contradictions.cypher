
MATCH (a:Claim)-[r:CONTRADICTS]->(b:Claim)
MATCH (a)-[sa:STATED_IN]->(da:Document)
MATCH (b)-[sb:STATED_IN]->(db:Document)
RETURN coalesce(a.event_date, a.status_date, b.status_date) AS date, r.reason AS reason,
       r.event_key AS event, r.subject_key AS subject, r.value_a AS value_a, r.value_b AS value_b,
       a.text AS claim_a, da.path AS source_a, da.published AS published_a, [sa.page, sa.start, sa.end] AS span_a,
       b.text AS claim_b, db.path AS source_b, db.published AS published_b, [sb.page, sb.start, sb.end] AS span_b,
       r.score AS score, a.claim_id AS claim_id_a, b.claim_id AS claim_id_b
ORDER BY date DESC, reason
LIMIT $limit
