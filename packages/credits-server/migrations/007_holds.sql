-- Server API holds: credits reserved for a job (CONTRACT.md, Server API). accounts.held is the sum
-- of the account's active holds, moved under the account's row lock with every hold change, so a
-- debit's balance check (total - used - held) sees every hold committed before it.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS held bigint NOT NULL DEFAULT 0;

CREATE TABLE IF NOT EXISTS holds (
  account_id text NOT NULL REFERENCES accounts (id),
  id text NOT NULL,
  -- active -> captured | released | expired, never back (every UPDATE requires status = 'active').
  status text NOT NULL,
  amount bigint NOT NULL CHECK (amount > 0),
  captured bigint NOT NULL DEFAULT 0 CHECK (captured >= 0 AND captured <= amount),
  description text NOT NULL,
  website_id text,
  website_name text,
  website_url text,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL,
  settled_at timestamptz,
  transaction_id text,
  idempotency_key text NOT NULL,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS holds_active ON holds (account_id, expires_at) WHERE status = 'active';

-- A succeeded purchase answers with the balance right after it: its holds and the account's
-- low-balance threshold too (without it the client's warning flickered after every purchase).
ALTER TABLE purchases ADD COLUMN IF NOT EXISTS balance_held bigint;
ALTER TABLE purchases ADD COLUMN IF NOT EXISTS balance_low_threshold bigint;

-- held never goes below zero: a hold freed twice (captured and expired, or expired by two
-- instances at once) would fail here instead of creating credits.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'accounts_held_not_negative') THEN
    ALTER TABLE accounts ADD CONSTRAINT accounts_held_not_negative CHECK (held >= 0);
  END IF;
END $$;
