import { sql } from 'drizzle-orm';
import { type Executor, type Row, rows } from './rows.js';

/** The account's ledger sequence number (0 before its first row), or undefined for no such account. */
export async function ledgerSeq(executor: Executor, account: string): Promise<number | undefined> {
  const [row] = await rows(executor, sql`SELECT seq FROM accounts WHERE id = ${account}`);
  return row ? Number(row.seq) : undefined;
}

/** The account's rows with `afterSeq < seq ≤ upToSeq`, oldest first (a resumed stream's replay). */
export function ledgerRowsBetween(
  executor: Executor,
  account: string,
  afterSeq: number,
  upToSeq: number,
): Promise<Row[]> {
  return rows(
    executor,
    sql`SELECT * FROM transactions WHERE account_id = ${account} AND seq > ${afterSeq} AND seq <= ${upToSeq} ORDER BY seq`,
  );
}
