
MATCH (d:Document)
WHERE d.status <> 'failed'
RETURN d.path AS document, d.title AS title, d.language AS language, d.published AS published,
       d.published_source AS published_source, d.file_date AS file_date
ORDER BY coalesce(d.published, '') DESC, document
LIMIT $limit
