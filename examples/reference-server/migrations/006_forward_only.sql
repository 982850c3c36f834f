-- One default card per account, enforced by the database. Accounts that have several defaults
-- (concurrent saves before this migration) keep the oldest of them.
UPDATE payment_methods SET is_default = false
WHERE is_default AND EXISTS (SELECT 1 FROM payment_methods older
  WHERE older.account_id = payment_methods.account_id AND older.is_default
    AND (older.created_at, older.id) < (payment_methods.created_at, payment_methods.id));
CREATE UNIQUE INDEX IF NOT EXISTS payment_methods_one_default
  ON payment_methods (account_id) WHERE is_default;

-- The reconciliation sweep (src/createCreditsService.ts, reconcile): purchases that are not
-- final, oldest first, and when each may next be looked at (a lease, so instances share the work).
ALTER TABLE purchases ADD COLUMN IF NOT EXISTS reconcile_after timestamptz;
CREATE INDEX IF NOT EXISTS purchases_unsettled ON purchases (created_at)
  WHERE status IN ('requires_payment_method', 'requires_confirmation', 'requires_action', 'processing');
