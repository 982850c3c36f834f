import * as v from 'valibot';
import {
  creditsSchema,
  nonNegativeCreditsSchema,
  positiveCreditsSchema,
  timestampSchema,
} from './primitives.js';

export const expiringGrantSchema = v.object({
  amount: positiveCreditsSchema,
  expiresAt: timestampSchema,
});

export const balanceSchema = v.pipe(
  v.object({
    total: nonNegativeCreditsSchema,
    used: nonNegativeCreditsSchema,
    held: v.optional(nonNegativeCreditsSchema, 0),
    available: creditsSchema,
    overdraftAllowed: v.optional(v.boolean(), false),
    lowBalanceThreshold: v.nullish(nonNegativeCreditsSchema),
    expiring: v.optional(v.array(expiringGrantSchema), []),
    updatedAt: timestampSchema,
  }),
  v.check(
    (balance) => balance.available === balance.total - balance.used - balance.held,
    'available must equal total − used − held',
  ),
);

export type ExpiringGrant = v.InferOutput<typeof expiringGrantSchema>;
export type Balance = v.InferOutput<typeof balanceSchema>;
