-- Stripe: customers, PaymentIntents, and ledger rows that come from Stripe events.
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS stripe_customer_id text;
ALTER TABLE purchases ADD COLUMN IF NOT EXISTS payment_intent_id text;
CREATE UNIQUE INDEX IF NOT EXISTS purchases_account_payment_intent ON purchases (account_id, payment_intent_id) WHERE payment_intent_id IS NOT NULL;
-- A webhook may name only the PaymentIntent: it finds the purchase through this one.
CREATE INDEX IF NOT EXISTS purchases_by_payment_intent ON purchases (payment_intent_id) WHERE payment_intent_id IS NOT NULL;
-- Refunds and disputes arrive as events, possibly several times: one ledger row per Stripe object.
ALTER TABLE transactions ADD COLUMN IF NOT EXISTS external_id text;
CREATE UNIQUE INDEX IF NOT EXISTS transactions_account_external_id ON transactions (account_id, external_id) WHERE external_id IS NOT NULL;
