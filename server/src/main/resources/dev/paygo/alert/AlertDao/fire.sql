INSERT INTO spend_alert_firings (alert_id, period_start, cost, fired_at_ms)
VALUES (:alertId, :periodStart, :cost, :firedAtMs)
ON CONFLICT (alert_id, period_start) DO NOTHING
