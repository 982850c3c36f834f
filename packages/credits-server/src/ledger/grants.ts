import type { Transaction } from 'credits-core';
import {
  type CreateAdjustmentInput,
  type CreateGrantInput,
  ProblemError,
} from 'credits-core/server';
import { transactionByExternalId } from '../data/ledgerData.js';
import { isUniqueViolation } from '../data/uniqueViolation.js';
import type { ServiceContext } from '../serviceContext.js';
import { appendLedger } from './ledger.js';
import { type NewLedgerRow, toTransaction } from './ledgerEntry.js';

/**
 * A Server API credit under the request's Idempotency-Key: the key is the row's external id,
 * unique across the ledger, so running it again for the same key (createIdempotencyKeys.run
 * after a crash) answers the row the first run wrote and never credits twice.
 */
async function creditOnce(
  ctx: ServiceContext,
  account: string,
  key: string,
  entry: NewLedgerRow,
): Promise<Transaction> {
  const externalId = `server:${account}:${entry.type}:${key}`;
  const existing = await transactionByExternalId(ctx.db, account, externalId);
  if (existing) return toTransaction(existing);
  try {
    return await appendLedger(ctx, ctx.db, account, { ...entry, externalId });
  } catch (error) {
    const raced = isUniqueViolation(error)
      ? await transactionByExternalId(ctx.db, account, externalId)
      : undefined;
    if (!raced) throw error;
    return toTransaction(raced);
  }
}

/** Promotional or manual credits: a `grant` row described by its reason. */
export const grantCredits = (
  ctx: ServiceContext,
  account: string,
  input: CreateGrantInput,
  key: string,
) =>
  creditOnce(ctx, account, key, {
    type: 'grant',
    amount: input.credits,
    description: input.reason,
    expiresAt: futureExpiry(ctx, input.expiresAt),
  });

/** A grant's expiry, which must be in the future (else a 422 naming it). */
function futureExpiry(ctx: ServiceContext, expiresAt: string | undefined): string | null {
  if (expiresAt === undefined) return null;
  if (Date.parse(expiresAt) <= ctx.now().getTime())
    throw ProblemError.invalid(
      'expiresAt',
      'Invalid expiresAt',
      'expiresAt must be in the future.',
    );
  return new Date(expiresAt).toISOString();
}

/** A correction of either sign: an `adjustment` row described by its reason. */
export const adjustCredits = (
  ctx: ServiceContext,
  account: string,
  input: CreateAdjustmentInput,
  key: string,
) =>
  creditOnce(ctx, account, key, {
    type: 'adjustment',
    amount: input.credits,
    description: input.reason,
  });
