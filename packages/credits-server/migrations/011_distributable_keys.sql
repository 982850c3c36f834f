-- Every unique key includes the account, so the schema distributes by account unchanged (Citus
-- requires a distributed table's unique constraints to include its distribution column:
-- docs.citusdata.com, "Distributing by tenant ID" / "Creating and modifying distributed tables").
-- Ids are random, so (account_id, id) stays as unique as id was. Databases created before this
-- migration get the same keys here; 001 and 002 create them directly on a new database.
DO $$
DECLARE
  single_column_key text;
BEGIN
  FOREACH single_column_key IN ARRAY ARRAY['purchases_pkey', 'payment_methods_pkey', 'setup_intents_pkey']
  LOOP
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = single_column_key AND cardinality(conkey) = 1) THEN
      EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I',
        replace(single_column_key, '_pkey', ''), single_column_key);
      EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (account_id, id)',
        replace(single_column_key, '_pkey', ''));
    END IF;
  END LOOP;
  IF EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'transactions_id_key') THEN
    ALTER TABLE transactions DROP CONSTRAINT transactions_id_key;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'transactions_account_id_id_key') THEN
    ALTER TABLE transactions ADD CONSTRAINT transactions_account_id_id_key UNIQUE (account_id, id);
  END IF;
END $$;

CREATE UNIQUE INDEX IF NOT EXISTS transactions_one_credit_per_purchase
  ON transactions (account_id, purchase_id) WHERE type = 'purchase';
DROP INDEX IF EXISTS transactions_one_grant_per_purchase;
CREATE UNIQUE INDEX IF NOT EXISTS purchases_account_payment_intent
  ON purchases (account_id, payment_intent_id) WHERE payment_intent_id IS NOT NULL;
DROP INDEX IF EXISTS purchases_payment_intent;
CREATE UNIQUE INDEX IF NOT EXISTS transactions_account_external_id
  ON transactions (account_id, external_id) WHERE external_id IS NOT NULL;
DROP INDEX IF EXISTS transactions_external_id;
