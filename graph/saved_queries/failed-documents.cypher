
MATCH (d:Document {status: 'failed'})
RETURN d.path AS document, d.error_reason AS reason, d.error AS error, d.size AS bytes
ORDER BY document
