-- Lots: where an account's credits are held (CONTRACT.md, "Lots and expiry"). Every credit row
-- (purchase, grant, positive adjustment) opens a lot with the row's optional expiry; every debit
-- row (usage, a hold's capture, a negative adjustment, a refund or dispute) consumes the open lots
-- soonest-expiring first, never-expiring last, skipping lots already past their expiry; an
-- `expiry` row closes one lapsed lot for what is left in it, once.
--
-- Invariant: the sum of the open lots (expired_at IS NULL) minus the balance (total - used) is the
-- account's debt, never below zero. A negative balance (overdraft, a refund of spent credits) is
-- debt held in no lot: credits arriving while there is debt repay it first, and only the rest opens
-- a lot. Holds do not touch lots: their credits are consumed when captured.
--
-- The lots follow the ledger through a trigger on `transactions`, so every path that writes a row
-- (the Server API, purchases, Stripe's refunds and disputes) keeps them, and balances still move
-- only through `accounts` updates. The trigger runs after the row's statement took the account's
-- row lock, and each of its statements reads the latest committed lots.

-- A credit row's lot expiry; an expiry row's lot.
ALTER TABLE transactions ADD COLUMN IF NOT EXISTS expires_at timestamptz;
ALTER TABLE transactions ADD COLUMN IF NOT EXISTS lot_id text;
-- A lot lapses once: one expiry row per lot, whatever instances sweep at once.
CREATE UNIQUE INDEX IF NOT EXISTS transactions_one_expiry_per_lot
  ON transactions (account_id, lot_id) WHERE type = 'expiry';

-- No later than the soonest expiry of the account's open lots (null: none expires). A checked
-- debit requires it in the future, so no one spends credits that have lapsed but are not swept
-- yet: the debit sweeps the account and tries again (src/ledger/lots.ts).
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS next_expiry timestamptz;
CREATE INDEX IF NOT EXISTS accounts_next_expiry ON accounts (next_expiry) WHERE next_expiry IS NOT NULL;

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema()
      AND table_name = 'lots') THEN
    -- No ledger row is written while existing balances become lots (released at this script's end).
    LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE;
    CREATE TABLE lots (
      account_id text NOT NULL REFERENCES accounts (id),
      -- The id of the ledger row that opened it ('migrated' for a balance carried over).
      id text NOT NULL,
      source text NOT NULL,
      -- The opening row's seq: lots with the same expiry are spent oldest first.
      seq bigint NOT NULL,
      credits bigint NOT NULL CHECK (credits > 0),
      remaining bigint NOT NULL CHECK (remaining >= 0 AND remaining <= credits),
      expires_at timestamptz,
      created_at timestamptz NOT NULL,
      -- Set once, by its expiry row; remaining is then 0.
      expired_at timestamptz,
      PRIMARY KEY (account_id, id)
    );
    -- Balances from before lots: one never-expiring lot each, for the balance (total - used; held
    -- credits are still in it until captured). A negative balance is debt: no lot.
    INSERT INTO lots (account_id, id, source, seq, credits, remaining, created_at)
      SELECT id, 'migrated', 'migrated', 0, total - used, total - used, now()
      FROM accounts WHERE total - used > 0;
  END IF;
END $$;
CREATE INDEX IF NOT EXISTS lots_open ON lots (account_id, expires_at)
  WHERE expired_at IS NULL AND remaining > 0;

CREATE OR REPLACE FUNCTION credits_ledger_lots() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  lot record;
  need bigint;
  take bigint;
  open_credits bigint;
BEGIN
  -- An expiry row without a lot (an imported history, the demo's seed) spends like any debit.
  IF NEW.type = 'expiry' AND NEW.lot_id IS NOT NULL THEN
    UPDATE lots SET remaining = 0, expired_at = NEW.created_at
      WHERE account_id = NEW.account_id AND id = NEW.lot_id AND expired_at IS NULL
        AND remaining = -NEW.amount;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'expiry row % does not close open lot % for its remaining credits', NEW.id, NEW.lot_id
        USING ERRCODE = 'check_violation';
    END IF;
  ELSIF NEW.amount > 0 THEN
    SELECT coalesce(sum(remaining), 0) INTO open_credits FROM lots
      WHERE account_id = NEW.account_id AND expired_at IS NULL AND remaining > 0;
    -- What the debt leaves of this credit (see the invariant above).
    take := least(NEW.amount, NEW.balance_after - open_credits);
    IF take > 0 THEN
      INSERT INTO lots (account_id, id, source, seq, credits, remaining, expires_at, created_at)
        VALUES (NEW.account_id, NEW.id, NEW.type, NEW.seq, take, take, NEW.expires_at, NEW.created_at);
    END IF;
  ELSE
    need := -NEW.amount;
    FOR lot IN SELECT id, remaining FROM lots
        WHERE account_id = NEW.account_id AND expired_at IS NULL AND remaining > 0
          AND (expires_at IS NULL OR expires_at > NEW.created_at)
        ORDER BY expires_at ASC NULLS LAST, seq
        FOR UPDATE LOOP
      EXIT WHEN need = 0;
      take := least(need, lot.remaining);
      UPDATE lots SET remaining = remaining - take WHERE account_id = NEW.account_id AND id = lot.id;
      need := need - take;
    END LOOP;
    -- Whatever no open lot covered is debt.
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER transactions_lots AFTER INSERT ON transactions
  FOR EACH ROW EXECUTE FUNCTION credits_ledger_lots();
