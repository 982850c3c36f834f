import type { Transaction } from 'credits-core';
import { iso, type Row } from '../data/rows.js';

export type NewLedgerRow = {
  /** The row's id, when the caller recorded it elsewhere first (a hold's capture). */
  id?: string;
  type: string;
  amount: number;
  description: string;
  websiteId?: string | null;
  websiteName?: string | null;
  websiteUrl?: string | null;
  purchaseId?: string | null;
  /** The Stripe event that made the row (refunds, disputes): unique across the ledger. */
  externalId?: string | null;
  createdAt?: Date;
  /** A credit row: when the lot it opens lapses (none: never). */
  expiresAt?: string | null;
  /** An expiry row: the lot it closes. */
  lotId?: string;
  /** A hold's capture: credits already reserved, spent without a balance check. */
  reserved?: boolean;
};

/** A ledger row as the contract's Transaction. Key order matters: it is the stored response's. */
export function ledgerEntry(
  id: string,
  createdAt: Date | string,
  entry: NewLedgerRow,
  balanceAfter: number,
): Transaction {
  return {
    id,
    createdAt: typeof createdAt === 'string' ? createdAt : createdAt.toISOString(),
    type: entry.type,
    description: entry.description,
    amount: entry.amount,
    balanceAfter,
    website: entry.websiteId
      ? {
          id: entry.websiteId,
          name: entry.websiteName ?? entry.websiteId,
          url: entry.websiteUrl ?? null,
        }
      : null,
    purchaseId: entry.purchaseId ?? null,
  };
}

/** A stored `transactions` row as the contract's Transaction. */
export const toTransaction = (row: Row): Transaction => ({
  id: String(row.id),
  createdAt: iso(row.created_at),
  type: String(row.type),
  description: String(row.description),
  amount: Number(row.amount),
  balanceAfter: Number(row.balance_after),
  website: websiteOf(row),
  purchaseId: (row.purchase_id as string | null) ?? null,
  ...(row.auto_recharge ? { autoRecharge: true } : {}),
});

/** The website columns of a stored row (a ledger row or a hold) as the contract's Website. */
export const websiteOf = (row: Row) =>
  row.website_id
    ? {
        id: String(row.website_id),
        name: String(row.website_name ?? row.website_id),
        url: (row.website_url as string | null) ?? null,
      }
    : null;
