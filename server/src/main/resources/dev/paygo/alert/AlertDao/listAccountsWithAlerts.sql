SELECT DISTINCT a.account_id FROM spend_alerts a
WHERE a.account_id > :afterId
ORDER BY a.account_id
LIMIT :limit
