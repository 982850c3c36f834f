-- Auto-recharge (CONTRACT.md, Auto-recharge; README "Auto-recharge"). The two guarantees live here,
-- in the database, whatever path moves a balance (usage, captures, holds, hold expiry, lot expiry,
-- a SQL console) and however many instances run:
--   * one recharge per crossing: the AFTER UPDATE trigger on accounts sees each balance change
--     under the account's row lock (OLD is the committed balance before it), so available going
--     from >= threshold to < threshold is seen exactly once, by the one transaction that made it,
--     which records the attempt in that same transaction; (account_id, crossing) is unique too.
--   * the monthly cap: the attempt takes its amount from the month's row in that transaction, and
--     CHECK (spent <= cap) makes any write past it fail; one that would not fit is recorded as
--     `cap_reached` instead, and no charge is made for it. A declined attempt gives it back.
-- Only the charge itself (Stripe or the simulated gateway) runs after commit, in application code,
-- with the attempt as its durable intent (src/autoRecharge/).
CREATE TABLE IF NOT EXISTS auto_recharge_settings (
  account_id text PRIMARY KEY REFERENCES accounts (id),
  enabled boolean NOT NULL DEFAULT false,
  threshold bigint NOT NULL CHECK (threshold > 0),
  package_id text NOT NULL,
  -- The package as it was when saved: what a recharge buys and costs.
  credits bigint NOT NULL CHECK (credits > 0),
  amount bigint NOT NULL CHECK (amount > 0),
  currency text NOT NULL,
  monthly_cap bigint NOT NULL CHECK (monthly_cap > 0),
  -- null: the account's default card at the time of the charge.
  payment_method_id text,
  -- How many crossings were seen (each attempt's `crossing` number).
  crossings bigint NOT NULL DEFAULT 0,
  consecutive_failures integer NOT NULL DEFAULT 0,
  disabled_reason text,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- One row per account and UTC calendar month: what succeeded and in-flight recharges spent.
CREATE TABLE IF NOT EXISTS auto_recharge_periods (
  account_id text NOT NULL REFERENCES accounts (id),
  period_start date NOT NULL,
  spent bigint NOT NULL DEFAULT 0,
  recharges integer NOT NULL DEFAULT 0,
  cap bigint NOT NULL,
  PRIMARY KEY (account_id, period_start),
  CONSTRAINT auto_recharge_within_cap CHECK (spent >= 0 AND spent <= cap AND recharges >= 0)
);

-- outcome: pending (recorded, not charged yet) -> processing | requires_action | succeeded |
-- declined; cap_reached is recorded as such and never charged. Forward only (see below).
CREATE TABLE IF NOT EXISTS auto_recharge_attempts (
  account_id text NOT NULL REFERENCES accounts (id),
  id text NOT NULL,
  crossing bigint NOT NULL,
  created_at timestamptz NOT NULL,
  period_start date NOT NULL,
  package_id text NOT NULL,
  credits bigint NOT NULL,
  amount bigint NOT NULL,
  currency text NOT NULL,
  payment_method_id text,
  outcome text NOT NULL,
  purchase_id text,
  failure_code text,
  failure_message text,
  -- A charger's claim (FOR UPDATE SKIP LOCKED + this lease): one instance charges at a time.
  lease_until timestamptz,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, crossing)
);
CREATE INDEX IF NOT EXISTS auto_recharge_attempts_pending
  ON auto_recharge_attempts (created_at) WHERE outcome = 'pending';
CREATE INDEX IF NOT EXISTS auto_recharge_attempts_latest
  ON auto_recharge_attempts (account_id, created_at DESC);

-- Purchases made by auto-recharge, and their ledger rows, say so.
ALTER TABLE purchases ADD COLUMN IF NOT EXISTS origin text NOT NULL DEFAULT 'checkout';
ALTER TABLE transactions ADD COLUMN IF NOT EXISTS auto_recharge boolean;

CREATE OR REPLACE FUNCTION credits_auto_recharge_crossing() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s auto_recharge_settings;
  period date;
  fits boolean;
BEGIN
  SELECT * INTO s FROM auto_recharge_settings WHERE account_id = NEW.id AND enabled;
  IF NOT FOUND
     OR OLD.total - OLD.used - OLD.held < s.threshold
     OR NEW.total - NEW.used - NEW.held >= s.threshold THEN
    RETURN NULL;
  END IF;
  -- A crossing. The account row is locked by this UPDATE until commit: no other transaction
  -- can see the same OLD balance.
  UPDATE auto_recharge_settings SET crossings = crossings + 1
    WHERE account_id = NEW.id AND enabled RETURNING * INTO s;
  IF NOT FOUND THEN RETURN NULL; END IF;
  period := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
  INSERT INTO auto_recharge_periods (account_id, period_start, cap)
    VALUES (NEW.id, period, s.monthly_cap) ON CONFLICT DO NOTHING;
  UPDATE auto_recharge_periods SET spent = spent + s.amount, recharges = recharges + 1, cap = s.monthly_cap
    WHERE account_id = NEW.id AND period_start = period AND spent + s.amount <= s.monthly_cap;
  fits := FOUND;
  INSERT INTO auto_recharge_attempts (account_id, id, crossing, created_at, period_start, package_id,
      credits, amount, currency, payment_method_id, outcome)
    VALUES (NEW.id, 'arc_' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 20), s.crossings,
      clock_timestamp(), period, s.package_id, s.credits, s.amount, s.currency, s.payment_method_id,
      CASE WHEN fits THEN 'pending' ELSE 'cap_reached' END);
  -- Instances LISTEN (src/autoRecharge): the charge starts once this commits.
  IF fits THEN PERFORM pg_notify('credits_auto_recharge', NEW.id); END IF;
  RETURN NULL;
END $$;

-- Moves an attempt forward (never back) and keeps the month's spending and the failure count
-- with it: a decline gives its amount back; a decline or 3D Secure request off-session counts a
-- failure and the third in a row turns auto-recharge off; a success resets the count. Locks the
-- settings row before the month's row, as the crossing trigger does (no deadlock between them).
CREATE OR REPLACE FUNCTION credits_auto_recharge_outcome(
  p_account text, p_attempt text, p_outcome text, p_code text, p_message text
) RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
  a auto_recharge_attempts;
BEGIN
  PERFORM 1 FROM auto_recharge_settings WHERE account_id = p_account FOR UPDATE;
  SELECT * INTO a FROM auto_recharge_attempts WHERE account_id = p_account AND id = p_attempt FOR UPDATE;
  IF NOT FOUND OR a.outcome = p_outcome
     OR a.outcome IN ('succeeded', 'declined', 'cap_reached')
     OR (a.outcome = 'processing' AND p_outcome NOT IN ('succeeded', 'declined'))
     OR p_outcome = 'pending' THEN
    RETURN false;
  END IF;
  UPDATE auto_recharge_attempts SET outcome = p_outcome, failure_code = p_code, failure_message = p_message
    WHERE account_id = p_account AND id = p_attempt;
  IF p_outcome IN ('declined', 'requires_action') AND a.outcome <> 'requires_action' THEN
    UPDATE auto_recharge_settings SET consecutive_failures = consecutive_failures + 1,
        enabled = enabled AND consecutive_failures + 1 < 3,
        disabled_reason = CASE WHEN enabled AND consecutive_failures + 1 >= 3
          THEN 'repeated_failures' ELSE disabled_reason END
      WHERE account_id = p_account;
  ELSIF p_outcome = 'succeeded' THEN
    UPDATE auto_recharge_settings SET consecutive_failures = 0 WHERE account_id = p_account;
  END IF;
  IF p_outcome = 'declined' THEN
    UPDATE auto_recharge_periods SET spent = spent - a.amount, recharges = recharges - 1
      WHERE account_id = p_account AND period_start = a.period_start;
  END IF;
  RETURN true;
END $$;

-- Whoever moves an auto-recharge purchase (the charge, a webhook, a poll, the reconciliation, the
-- user's 3D Secure), its attempt follows. An off-session `authentication_required` is the user's to
-- complete: it needs action, it is not a decline.
CREATE OR REPLACE FUNCTION credits_auto_recharge_purchase() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  attempt text;
  outcome text;
BEGIN
  SELECT id INTO attempt FROM auto_recharge_attempts
    WHERE account_id = NEW.account_id AND purchase_id = NEW.id;
  IF NOT FOUND THEN RETURN NULL; END IF;
  outcome := CASE
    WHEN NEW.status IN ('succeeded', 'processing', 'requires_action') THEN NEW.status
    WHEN NEW.status IN ('failed', 'canceled') THEN 'declined'
    WHEN NEW.failure_code = 'authentication_required' THEN 'requires_action'
    WHEN NEW.failure_code IS NOT NULL THEN 'declined'
  END;
  IF outcome IS NOT NULL THEN
    PERFORM credits_auto_recharge_outcome(NEW.account_id, attempt, outcome, NEW.failure_code, NEW.failure_message);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION credits_auto_recharge_ledger_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.auto_recharge := EXISTS (SELECT 1 FROM purchases
    WHERE account_id = NEW.account_id AND id = NEW.purchase_id AND origin = 'auto_recharge');
  RETURN NEW;
END $$;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'accounts_auto_recharge') THEN
    CREATE TRIGGER accounts_auto_recharge AFTER UPDATE ON accounts FOR EACH ROW
      WHEN (NEW.total - NEW.used - NEW.held < OLD.total - OLD.used - OLD.held)
      EXECUTE FUNCTION credits_auto_recharge_crossing();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'purchases_auto_recharge') THEN
    CREATE TRIGGER purchases_auto_recharge AFTER UPDATE ON purchases FOR EACH ROW
      WHEN (NEW.origin = 'auto_recharge' AND (OLD.status IS DISTINCT FROM NEW.status
        OR OLD.failure_code IS DISTINCT FROM NEW.failure_code))
      EXECUTE FUNCTION credits_auto_recharge_purchase();
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'transactions_auto_recharge') THEN
    CREATE TRIGGER transactions_auto_recharge BEFORE INSERT ON transactions FOR EACH ROW
      WHEN (NEW.type = 'purchase' AND NEW.purchase_id IS NOT NULL)
      EXECUTE FUNCTION credits_auto_recharge_ledger_row();
  END IF;
END $$;
