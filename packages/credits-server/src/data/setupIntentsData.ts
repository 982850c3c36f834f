import { sql } from 'drizzle-orm';
import { type Executor, firstRow, type Row, rows } from './rows.js';

export async function setupIntentRowOf(
  executor: Executor,
  account: string,
  id: string,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT * FROM setup_intents WHERE id = ${id} AND account_id = ${account}`,
  );
}

export async function setupIntentByKey(
  executor: Executor,
  account: string,
  key: string,
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`SELECT * FROM setup_intents WHERE account_id = ${account} AND idempotency_key = ${key}`,
  );
}

export async function accountOfSetupIntent(
  executor: Executor,
  id: string,
): Promise<string | undefined> {
  const [row] = await rows(executor, sql`SELECT account_id FROM setup_intents WHERE id = ${id}`);
  return row ? String(row.account_id) : undefined;
}

/** A new SetupIntent row, or undefined when this account already made one with this key. */
export async function insertSetupIntent(
  executor: Executor,
  intent: {
    id: string;
    account: string;
    status: string;
    clientSecret: string;
    idempotencyKey: string | null;
  },
): Promise<Row | undefined> {
  return firstRow(
    executor,
    sql`INSERT INTO setup_intents (id, account_id, status, client_secret, idempotency_key)
        VALUES (${intent.id}, ${intent.account}, ${intent.status}, ${intent.clientSecret}, ${intent.idempotencyKey})
        ON CONFLICT DO NOTHING RETURNING *`,
  );
}

/** Moves a SetupIntent to `succeeded` from one of `from`; true if this call moved it. */
export async function succeedSetupIntent(
  tx: Executor,
  account: string,
  id: string,
  from: readonly string[],
): Promise<boolean> {
  const moved = await rows(
    tx,
    sql`UPDATE setup_intents SET status = 'succeeded', pending_token = NULL, failure_code = NULL, failure_message = NULL
          WHERE account_id = ${account} AND id = ${id} AND status IN (${sql.join(
            from.map((status) => sql`${status}`),
            sql`, `,
          )}) RETURNING id`,
  );
  return moved.length > 0;
}

export async function setSetupIntentMethod(
  tx: Executor,
  account: string,
  id: string,
  methodId: string | null,
) {
  await tx.execute(
    sql`UPDATE setup_intents SET payment_method_id = ${methodId} WHERE account_id = ${account} AND id = ${id}`,
  );
}

/** A Stripe SetupIntent's state onto its row; `succeeded` is final. */
export async function syncSetupIntentRow(
  executor: Executor,
  account: string,
  intent: {
    id: string;
    status: string;
    failureCode: string | null;
    failureMessage: string | null;
    methodId: string | null;
  },
) {
  await executor.execute(sql`UPDATE setup_intents SET status = ${intent.status}, failure_code = ${intent.failureCode},
      failure_message = ${intent.failureMessage}, payment_method_id = ${intent.methodId}
      WHERE id = ${intent.id} AND account_id = ${account} AND status <> 'succeeded'`);
}

/** A sandbox SetupIntent declined (never once it succeeded). */
export async function declineSetupIntent(
  executor: Executor,
  account: string,
  id: string,
  failure: { code: string; message: string },
) {
  await executor.execute(sql`UPDATE setup_intents SET status = 'requires_payment_method', failure_code = ${failure.code},
          failure_message = ${failure.message} WHERE account_id = ${account} AND id = ${id} AND status <> 'succeeded'`);
}

/** A sandbox SetupIntent waiting for 3D Secure with `token`. */
export async function setupIntentRequiresAction(
  executor: Executor,
  account: string,
  id: string,
  token: string,
) {
  await executor.execute(
    sql`UPDATE setup_intents SET status = 'requires_action', pending_token = ${token}, failure_code = NULL
        WHERE account_id = ${account} AND id = ${id} AND status <> 'succeeded'`,
  );
}

/** A sandbox SetupIntent whose 3D Secure failed. */
export async function failSetupIntentAuthentication(
  executor: Executor,
  account: string,
  id: string,
  message: string,
) {
  await executor.execute(sql`UPDATE setup_intents SET status = 'requires_payment_method', pending_token = NULL,
          failure_code = 'authentication_failed', failure_message = ${message}
          WHERE account_id = ${account} AND id = ${id} AND status = 'requires_action'`);
}
