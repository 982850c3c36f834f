import { randomUUID } from 'node:crypto';
import type { Balance, Transaction } from 'credits-core';
import { ProblemError } from 'credits-core/server';
import { accountBalanceRow, availableCredits, insertAccount } from '../data/accountsData.js';
import { insertLedgerRow, insertUsageWithKey } from '../data/ledgerData.js';
import { type Executor, iso, num } from '../data/rows.js';
import type { ServiceContext } from '../serviceContext.js';
import { ledgerEntry, type NewLedgerRow } from './ledgerEntry.js';
import { expireLots, expiringCredits } from './lots.js';

export const newId = (prefix: string, length: number) =>
  `${prefix}${randomUUID().replace(/-/g, '').slice(0, length)}`;

/** Creates the account the first time it is seen; true if this call created it. */
export async function ensureAccount(ctx: ServiceContext, account: string): Promise<boolean> {
  if (ctx.knownAccounts.has(account)) return false;
  const created = await insertAccount(ctx.db, account);
  ctx.knownAccounts.add(account);
  return created;
}

/** Why a debit moved nothing: no such account, or a usage the balance cannot cover. */
export async function refusal(
  ctx: ServiceContext,
  account: string,
  amount: number,
  executor: Executor = ctx.db,
): Promise<ProblemError> {
  const available = await availableCredits(executor, account);
  if (available === undefined) return new ProblemError(404, 'not_found', 'No such account');
  return new ProblemError(
    402,
    'insufficient_credits',
    'Not enough credits',
    `This needs ${-amount} credits; ${available} are available.`,
  );
}

/**
 * Appends one ledger row and moves the balance, atomically, in one statement: inside a
 * transaction (with other writes) or on its own.
 */
export async function appendLedger(
  ctx: ServiceContext,
  executor: Executor,
  account: string,
  entry: NewLedgerRow,
): Promise<Transaction> {
  const id = entry.id ?? newId('txn_', 20);
  const createdAt = entry.createdAt ?? ctx.now();
  let balanceAfter = await insertLedgerRow(executor, account, id, createdAt, entry);
  // A checked debit refused maybe for a lapsed lot not swept yet (here or by another instance
  // since): sweep, then once more. Only outside a transaction, which would hold the account.
  if (
    balanceAfter === undefined &&
    executor === ctx.db &&
    entry.type === 'usage' &&
    !entry.reserved
  ) {
    await expireLots(ctx, account);
    balanceAfter = await insertLedgerRow(executor, account, id, createdAt, entry);
  }
  if (balanceAfter === undefined) throw await refusal(ctx, account, entry.amount, executor);
  return ledgerEntry(id, createdAt, entry, balanceAfter);
}

/**
 * A usage debit and its Idempotency-Key record in one statement — one transaction, one round
 * trip: the account UPDATE (row lock, balance check, next seq), the ledger row, and the key
 * stored `done` with the response. All of it commits or none of it, so no failure can leave
 * a debit without its key (a retry would debit again) or a key without its debit.
 *
 * A key this account already used in this scope aborts the whole statement with a unique
 * violation (23505), nothing debited: the caller then answers from the stored key. A second
 * request with the same key while the first is in flight waits on the account row lock, then
 * hits that violation. Undefined when nothing moved (not enough credits, or no such account).
 */
export async function spendOnce(
  ctx: ServiceContext,
  account: string,
  record: { scope: string; key: string; fingerprint: string },
  entry: Omit<NewLedgerRow, 'type' | 'purchaseId'>,
): Promise<Transaction | undefined> {
  const id = newId('txn_', 20);
  const createdAt = (entry.createdAt ?? ctx.now()).toISOString();
  const usage = { ...entry, type: 'usage' };
  // The stored response is the JSON of the returned row; only balanceAfter comes from the database.
  const [head = '', tail = ''] = JSON.stringify(ledgerEntry(id, createdAt, usage, 0)).split(
    '"balanceAfter":0,',
  );
  const debit = () =>
    insertUsageWithKey(ctx.db, account, id, createdAt, entry, record, { head, tail });
  let balanceAfter = await debit();
  // Refused maybe for a lapsed lot not swept yet (here or by another instance since): sweep,
  // then once more.
  if (balanceAfter === undefined) {
    await expireLots(ctx, account);
    balanceAfter = await debit();
  }
  return balanceAfter === undefined ? undefined : ledgerEntry(id, createdAt, usage, balanceAfter);
}

/**
 * The balance and the ledger position it is at, read from one row (a live `balance` event's
 * `seq` and figures can never disagree).
 */
export async function balanceAt(
  ctx: ServiceContext,
  account: string,
  executor: Executor = ctx.db,
): Promise<{ seq: number; balance: Balance }> {
  let row = await accountBalanceRow(executor, account);
  if (!row) throw new ProblemError(404, 'not_found', 'No such account');
  const lapsed = row.next_expiry && Date.parse(iso(row.next_expiry)) <= ctx.now().getTime();
  if (lapsed && executor === ctx.db && (await expireLots(ctx, account)))
    row = (await accountBalanceRow(executor, account)) ?? row;
  const total = Number(row.total);
  const used = Number(row.used);
  const held = Number(row.held);
  const balance: Balance = {
    total,
    used,
    held,
    available: total - used - held,
    // The account's own permission to overdraw, or a balance a refund or dispute took below
    // zero (the contract allows a negative `available` only with overdraftAllowed). Only the
    // column lets usage overdraw: the debits check it, never this.
    overdraftAllowed: Boolean(row.overdraft_allowed) || total - used - held < 0,
    lowBalanceThreshold: num(row.low_balance_threshold),
    // next_expiry is null when no lot expires (migrations/009_lots.sql).
    expiring: row.next_expiry ? await expiringCredits(ctx, account, executor) : [],
    updatedAt: iso(row.updated_at),
  };
  return { seq: Number(row.seq), balance };
}

export async function balance(
  ctx: ServiceContext,
  account: string,
  executor: Executor = ctx.db,
): Promise<Balance> {
  return (await balanceAt(ctx, account, executor)).balance;
}
