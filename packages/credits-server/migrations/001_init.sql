-- The credits ledger. Runs on PostgreSQL 15+ and on PGlite.
CREATE TABLE IF NOT EXISTS accounts (
  id text PRIMARY KEY,
  total bigint NOT NULL DEFAULT 0,
  used bigint NOT NULL DEFAULT 0,
  seq bigint NOT NULL DEFAULT 0,
  overdraft_allowed boolean NOT NULL DEFAULT false,
  low_balance_threshold bigint DEFAULT 5000,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Append-only: rows are never updated or deleted. seq is gap-free per account.
CREATE TABLE IF NOT EXISTS transactions (
  account_id text NOT NULL REFERENCES accounts (id),
  seq bigint NOT NULL,
  id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  type text NOT NULL,
  description text NOT NULL,
  amount bigint NOT NULL CHECK (amount <> 0),
  balance_after bigint NOT NULL,
  website_id text,
  website_name text,
  website_url text,
  purchase_id text,
  PRIMARY KEY (account_id, seq),
  -- Every unique key includes the account, so the schema distributes by account (011).
  UNIQUE (account_id, id)
);
-- A purchase is credited at most once, whatever races (webhook, poll, retries).
CREATE UNIQUE INDEX IF NOT EXISTS transactions_one_credit_per_purchase
  ON transactions (account_id, purchase_id) WHERE type = 'purchase';
CREATE INDEX IF NOT EXISTS transactions_account_created ON transactions (account_id, created_at);

CREATE TABLE IF NOT EXISTS payment_methods (
  id text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id),
  token text NOT NULL,
  brand text NOT NULL,
  last4 text NOT NULL,
  exp_month integer NOT NULL,
  exp_year integer NOT NULL,
  is_default boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);

CREATE TABLE IF NOT EXISTS purchases (
  id text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id),
  package_id text NOT NULL,
  status text NOT NULL,
  credits bigint NOT NULL,
  amount bigint NOT NULL,
  currency text NOT NULL,
  client_secret text,
  payment_method_id text,
  pending_token text,
  pending_save boolean NOT NULL DEFAULT false,
  failure_code text,
  failure_message text,
  settle_at timestamptz,
  transaction_id text,
  balance_total bigint,
  balance_used bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, id)
);

CREATE TABLE IF NOT EXISTS setup_intents (
  id text NOT NULL,
  account_id text NOT NULL REFERENCES accounts (id),
  status text NOT NULL,
  client_secret text NOT NULL,
  payment_method_id text,
  pending_token text,
  failure_code text,
  failure_message text,
  PRIMARY KEY (account_id, id)
);

-- Idempotency-Key records: the request's fingerprint and, once done, the response.
CREATE TABLE IF NOT EXISTS idempotency_keys (
  account_id text NOT NULL,
  scope text NOT NULL,
  key text NOT NULL,
  fingerprint text NOT NULL,
  state text NOT NULL,
  status_code integer,
  response text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, scope, key)
);
