-- Idempotency keys in atomic phases (see src/createIdempotencyKeys.ts).
-- A 'running' key holds a lock taken at locked_at: a request that crashed leaves it behind, and
-- a retry may reclaim it once the lock is older than the timeout. NULL: released at once (the
-- effect failed and is safe to re-run). Keys left 'running' before this migration count as
-- locked now, so they can be reclaimed one timeout after it.
ALTER TABLE idempotency_keys ADD COLUMN IF NOT EXISTS locked_at timestamptz DEFAULT now();

-- One purchase and one SetupIntent per (account, Idempotency-Key): the retry of an attempt
-- whose outcome is unknown finds the first one (and its PaymentIntent) instead of charging again.
ALTER TABLE purchases ADD COLUMN IF NOT EXISTS idempotency_key text;
CREATE UNIQUE INDEX IF NOT EXISTS purchases_idempotency_key
  ON purchases (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
ALTER TABLE setup_intents ADD COLUMN IF NOT EXISTS idempotency_key text;
CREATE UNIQUE INDEX IF NOT EXISTS setup_intents_idempotency_key
  ON setup_intents (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
