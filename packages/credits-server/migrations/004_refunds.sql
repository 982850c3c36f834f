-- Refunds and disputes as state on the purchase: how many of its credits each takes back. Every
-- event (however often, in whatever order it arrives) moves the balance by the difference between
-- min(credits, refunded + disputed) before and after it, so a replay changes nothing.
-- dispute_won: the charge's dispute was closed as won; a late charge.dispute.created takes nothing.
--
-- Refunds and disputes handled before this migration took the purchase's credits back in full,
-- one ledger row each (external_id 'refund:…' / 'dispute:…'): that is carried over as state once,
-- when the columns are added, so a replay of those events takes nothing more.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
      AND table_name = 'purchases' AND column_name = 'refunded_credits') THEN
    ALTER TABLE purchases
      ADD COLUMN IF NOT EXISTS refunded_credits bigint NOT NULL DEFAULT 0,
      ADD COLUMN IF NOT EXISTS disputed_credits bigint NOT NULL DEFAULT 0,
      ADD COLUMN IF NOT EXISTS dispute_won boolean NOT NULL DEFAULT false;
    UPDATE purchases SET refunded_credits = credits WHERE EXISTS (SELECT 1 FROM transactions t
      WHERE t.purchase_id = purchases.id AND t.external_id LIKE 'refund:%');
    UPDATE purchases SET disputed_credits = credits WHERE EXISTS (SELECT 1 FROM transactions t
      WHERE t.purchase_id = purchases.id AND t.external_id LIKE 'dispute:%');
  END IF;
END $$;
