SELECT a.id, a.account_id, a.currency, a.amount_minor, a.created_at_ms,
       (SELECT f.fired_at_ms FROM spend_alert_firings f
        WHERE f.alert_id = a.id AND f.period_start = :periodStart) AS fired_at_ms,
       (SELECT MAX(f.fired_at_ms) FROM spend_alert_firings f WHERE f.alert_id = a.id) AS last_fired_at_ms
FROM spend_alerts a WHERE a.account_id = :accountId
ORDER BY a.amount_minor, a.created_at_ms, a.id
