-- Live `auto-recharge` events (GET /events): the account's auto-recharge document changed —
-- settings saved, an attempt recorded or moved on (its outcome, its purchase), the month's
-- spending. Announced like 008's events, on the same channel and only after commit, whoever wrote
-- it: ["a", account]. PostgreSQL folds identical payloads within a transaction, so a crossing
-- (settings, month and attempt in one transaction) is one notification. A charger's lease on an
-- attempt changes nothing the document shows, and announces nothing.
CREATE OR REPLACE FUNCTION credits_notify_auto_recharge() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('credits_events', json_build_array('a', NEW.account_id)::text);
  RETURN NULL;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'auto_recharge_settings_notify') THEN
    CREATE TRIGGER auto_recharge_settings_notify AFTER INSERT OR UPDATE ON auto_recharge_settings
      FOR EACH ROW EXECUTE FUNCTION credits_notify_auto_recharge();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'auto_recharge_periods_notify') THEN
    CREATE TRIGGER auto_recharge_periods_notify
      AFTER INSERT OR UPDATE OF spent, recharges ON auto_recharge_periods
      FOR EACH ROW EXECUTE FUNCTION credits_notify_auto_recharge();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'auto_recharge_attempts_notify') THEN
    CREATE TRIGGER auto_recharge_attempts_notify
      AFTER INSERT OR UPDATE OF outcome, purchase_id, failure_code ON auto_recharge_attempts
      FOR EACH ROW EXECUTE FUNCTION credits_notify_auto_recharge();
  END IF;
END $$;
