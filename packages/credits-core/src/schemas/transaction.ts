import * as v from 'valibot';
import type { TRANSACTION_TYPES } from './enums.js';
import {
  creditsSchema,
  idSchema,
  ledgerSeqSchema,
  openEnum,
  timestampSchema,
} from './primitives.js';
import { websiteSchema } from './website.js';

export const transactionTypeSchema = openEnum<typeof TRANSACTION_TYPES>();
/** A known transaction type, or a newer one this client does not know yet. */
export type TransactionType = v.InferOutput<typeof transactionTypeSchema>;

export const transactionSchema = v.object({
  id: idSchema,
  createdAt: timestampSchema,
  type: transactionTypeSchema,
  description: v.string(),
  amount: creditsSchema,
  balanceAfter: creditsSchema,
  website: v.nullish(websiteSchema),
  purchaseId: v.nullish(idSchema),
  autoRecharge: v.optional(v.boolean()),
});

export const transactionPageSchema = v.object({
  data: v.array(transactionSchema),
  nextCursor: v.nullable(v.pipe(v.string(), v.minLength(1))),
  /**
   * The ledger sequence the page was read at (rows up to it are in it, where the filters show
   * them). Optional: a backend without it is still valid, and a live client then refetches once.
   */
  seq: v.optional(ledgerSeqSchema),
});

export type Transaction = v.InferOutput<typeof transactionSchema>;
export type TransactionPage = v.InferOutput<typeof transactionPageSchema>;
