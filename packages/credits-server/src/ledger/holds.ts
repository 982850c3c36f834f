import type { CreateHoldInput, Hold } from 'credits-core/server';
import { ProblemError } from 'credits-core/server';
import {
  expireHolds as expireHoldRows,
  holdByKey,
  insertHold,
  lockHold,
  settleHold,
} from '../data/holdsData.js';
import { transactionById } from '../data/ledgerData.js';
import { iso, type Row } from '../data/rows.js';
import { isUniqueViolation } from '../data/uniqueViolation.js';
import type { ServiceContext } from '../serviceContext.js';
import { appendLedger, newId, refusal } from './ledger.js';
import { toTransaction, websiteOf } from './ledgerEntry.js';
import { expireLots } from './lots.js';

/** A stored hold as the contract's Hold. */
async function toHold(ctx: ServiceContext, row: Row): Promise<Hold> {
  const found = row.transaction_id
    ? await transactionById(ctx.db, String(row.account_id), String(row.transaction_id))
    : undefined;
  return {
    id: String(row.id),
    status: String(row.status),
    amount: Number(row.amount),
    captured: Number(row.captured),
    description: String(row.description),
    website: websiteOf(row),
    expiresAt: iso(row.expires_at),
    createdAt: iso(row.created_at),
    transaction: found ? toTransaction(found) : null,
  };
}

const notActive = (row: Row) =>
  new ProblemError(
    409,
    'hold_not_active',
    'Hold not active',
    `The hold is ${String(row.status)}: only an active hold can be captured or released.`,
  );

/** Lapses the account's holds past their expiry, each once (see expireHolds in data/). */
export const expireHolds = (ctx: ServiceContext, account: string) =>
  expireHoldRows(ctx.db, account, ctx.now().toISOString());

/**
 * Reserves credits under the request's Idempotency-Key: safe to run again for the same key
 * (the hold made by a first run is answered again), as createIdempotencyKeys.run requires.
 */
export async function createHold(
  ctx: ServiceContext,
  account: string,
  input: CreateHoldInput,
  key: string,
): Promise<Hold> {
  const existing = await holdByKey(ctx.db, account, key);
  if (existing) return toHold(ctx, existing);
  const now = ctx.now();
  if (Date.parse(input.expiresAt) <= now.getTime()) {
    throw ProblemError.invalid(
      'expiresAt',
      'Invalid expiresAt',
      'expiresAt must be in the future.',
    );
  }
  await expireHolds(ctx, account);
  try {
    const hold = () =>
      insertHold(ctx.db, account, {
        id: newId('hold_', 20),
        amount: input.credits,
        description: input.description,
        websiteId: input.websiteId,
        websiteName: input.websiteName,
        websiteUrl: input.websiteUrl,
        expiresAt: new Date(input.expiresAt).toISOString(),
        createdAt: now.toISOString(),
        idempotencyKey: key,
      });
    let row = await hold();
    // Refused maybe for a lapsed lot not swept yet (here or by another instance since): sweep,
    // then once more.
    if (!row) {
      await expireLots(ctx, account);
      row = await hold();
    }
    if (!row) throw await refusal(ctx, account, -input.credits);
    return toHold(ctx, row);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const raced = await holdByKey(ctx.db, account, key);
    if (!raced) throw error;
    return toHold(ctx, raced);
  }
}

/**
 * Captures `credits` (≤ the held amount) as one usage row and frees the hold, under the hold's
 * row lock: a second capture waits, then finds it captured. Same amount again: the hold as it is.
 */
export async function captureHold(
  ctx: ServiceContext,
  account: string,
  id: string,
  credits: number,
): Promise<Hold> {
  const row = await ctx.db.transaction(async (tx) => {
    const hold = await lockHold(tx, account, id);
    if (!hold) throw new ProblemError(404, 'not_found', 'No such hold');
    if (hold.status === 'captured' && Number(hold.captured) === credits) return hold;
    if (hold.status !== 'active') throw notActive(hold);
    const now = ctx.now();
    if (new Date(hold.expires_at as string).getTime() <= now.getTime()) {
      return { ...hold, lapsed: true };
    }
    if (credits > Number(hold.amount)) {
      throw ProblemError.invalid(
        'credits',
        'Capture exceeds the hold',
        `At most the ${Number(hold.amount)} held credits can be captured.`,
      );
    }
    const settled = await settleHold(tx, account, id, {
      status: 'captured',
      captured: credits,
      transactionId: credits > 0 ? newId('txn_', 20) : null,
      at: now.toISOString(),
    });
    if (settled?.transaction_id) {
      await appendLedger(ctx, tx, account, {
        id: String(settled.transaction_id),
        type: 'usage',
        amount: -credits,
        description: String(hold.description),
        websiteId: (hold.website_id as string | null) ?? null,
        websiteName: (hold.website_name as string | null) ?? null,
        websiteUrl: (hold.website_url as string | null) ?? null,
        createdAt: now,
        reserved: true,
      });
    }
    return settled ?? hold;
  });
  if (row.lapsed) {
    await expireHolds(ctx, account);
    throw notActive({ status: 'expired' });
  }
  return toHold(ctx, row);
}

/** Frees a hold without spending. Releasing a released hold answers it as it is. */
export async function releaseHold(ctx: ServiceContext, account: string, id: string): Promise<Hold> {
  const row = await ctx.db.transaction(async (tx) => {
    const hold = await lockHold(tx, account, id);
    if (!hold) throw new ProblemError(404, 'not_found', 'No such hold');
    if (hold.status === 'released') return hold;
    if (hold.status !== 'active') throw notActive(hold);
    const at = ctx.now();
    if (new Date(hold.expires_at as string).getTime() <= at.getTime()) {
      return { ...hold, lapsed: true };
    }
    const settled = await settleHold(tx, account, id, {
      status: 'released',
      captured: 0,
      transactionId: null,
      at: at.toISOString(),
    });
    return settled ?? hold;
  });
  if (row.lapsed) {
    await expireHolds(ctx, account);
    throw notActive({ status: 'expired' });
  }
  return toHold(ctx, row);
}
