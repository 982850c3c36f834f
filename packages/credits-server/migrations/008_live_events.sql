-- Live events (GET /events): every change a browser should see is announced by the database
-- itself, when its transaction commits, whoever wrote it (this server's routes, the server API,
-- a sweep, another instance, a SQL console). The payload is only what to read again, never the
-- data: ["t", account, seq] a ledger row, ["p", account, purchase id] a purchase's status,
-- ["m", account] the saved payment methods. Listeners: src/live/listenForEvents.ts.
CREATE OR REPLACE FUNCTION credits_notify_ledger_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('credits_events', json_build_array('t', NEW.account_id, NEW.seq)::text);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION credits_notify_purchase() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('credits_events', json_build_array('p', NEW.account_id, NEW.id)::text);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION credits_notify_payment_methods() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One notification per account and transaction: PostgreSQL folds identical payloads.
  PERFORM pg_notify('credits_events',
    json_build_array('m', CASE WHEN TG_OP = 'DELETE' THEN OLD.account_id ELSE NEW.account_id END)::text);
  RETURN NULL;
END $$;

-- Created once (no DROP: that would lock the busiest table at every start of every instance).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'transactions_notify') THEN
    CREATE TRIGGER transactions_notify AFTER INSERT ON transactions
      FOR EACH ROW EXECUTE FUNCTION credits_notify_ledger_row();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'purchases_notify') THEN
    CREATE TRIGGER purchases_notify AFTER UPDATE OF status ON purchases
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
      EXECUTE FUNCTION credits_notify_purchase();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'payment_methods_notify') THEN
    CREATE TRIGGER payment_methods_notify AFTER INSERT OR UPDATE OR DELETE ON payment_methods
      FOR EACH ROW EXECUTE FUNCTION credits_notify_payment_methods();
  END IF;
END $$;
