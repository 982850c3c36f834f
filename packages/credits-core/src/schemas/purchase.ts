import * as v from 'valibot';
import { balanceSchema } from './balance.js';
import type { PURCHASE_ORIGINS, PURCHASE_STATUSES } from './enums.js';
import { paymentFailureSchema } from './failure.js';
import { moneySchema } from './money.js';
import { idSchema, openEnum, positiveCreditsSchema, timestampSchema } from './primitives.js';
import { transactionSchema } from './transaction.js';

export const purchaseStatusSchema = openEnum<typeof PURCHASE_STATUSES>();
export type PurchaseStatus = v.InferOutput<typeof purchaseStatusSchema>;

export const purchaseSchema = v.pipe(
  v.object({
    id: idSchema,
    packageId: idSchema,
    status: purchaseStatusSchema,
    credits: positiveCreditsSchema,
    amount: moneySchema,
    clientSecret: v.nullish(v.pipe(v.string(), v.minLength(1))),
    paymentMethodId: v.nullish(idSchema),
    failure: v.nullish(paymentFailureSchema),
    transaction: v.nullish(transactionSchema),
    balance: v.nullish(balanceSchema),
    createdAt: timestampSchema,
    origin: v.optional(openEnum<typeof PURCHASE_ORIGINS>()),
  }),
  v.check(
    (purchase) =>
      purchase.status !== 'succeeded' || (purchase.transaction != null && purchase.balance != null),
    'a succeeded purchase must carry its ledger transaction and the new balance',
  ),
);

export type Purchase = v.InferOutput<typeof purchaseSchema>;
