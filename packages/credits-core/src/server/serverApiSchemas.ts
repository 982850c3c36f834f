import * as v from 'valibot';
import {
  creditsSchema,
  idSchema,
  nonNegativeCreditsSchema,
  openEnum,
  positiveCreditsSchema,
  timestampSchema,
} from '../schemas/primitives.js';
import { transactionSchema } from '../schemas/transaction.js';
import { websiteSchema } from '../schemas/website.js';
import { atMost, requestTimestampSchema } from './requestValidation.js';
import { FIELD_LIMITS, usageBodySchema } from './usageBody.js';

/**
 * The Server API (the contract's second part, for the host's own backend, CONTRACT.md): what its
 * requests carry and what it answers. Never in a browser bundle: only `credits-core/server`
 * imports it.
 */

/** The longest account id in a Server API path. */
export const MAX_ACCOUNT_ID_LENGTH = 255;

/** A hold's life: `active` (credits reserved) → `captured` | `released` | `expired`, never back. */
export const HOLD_STATUSES = ['active', 'captured', 'released', 'expired'] as const;
export type KnownHoldStatus = (typeof HOLD_STATUSES)[number];
export const holdStatusSchema = openEnum<typeof HOLD_STATUSES>();

const reasonSchema = v.pipe(v.string(), v.minLength(1), atMost(FIELD_LIMITS.description));

/** `POST …/usage`: the body of a usage debit (the shared usage rule). */
export const recordUsageBodySchema = usageBodySchema;

/** `POST …/holds`: reserve credits for a job until it ends or `expiresAt`. */
export const createHoldBodySchema = v.object({
  credits: positiveCreditsSchema,
  description: reasonSchema,
  expiresAt: requestTimestampSchema,
  websiteId: v.optional(v.pipe(v.string(), atMost(FIELD_LIMITS.websiteId))),
  websiteName: v.optional(v.pipe(v.string(), atMost(FIELD_LIMITS.websiteName))),
  websiteUrl: v.optional(v.pipe(v.string(), atMost(FIELD_LIMITS.websiteUrl))),
});

/** `POST …/holds/{holdId}/capture`: take the real cost, at most what is held; the rest is freed. */
export const captureHoldBodySchema = v.object({
  credits: nonNegativeCreditsSchema,
});

/**
 * `POST …/grants`: promotional or manual credits, in a lot of their own that lapses at
 * `expiresAt` (in the future; none: never) — CONTRACT.md, "Lots and expiry".
 */
export const createGrantBodySchema = v.object({
  credits: positiveCreditsSchema,
  reason: reasonSchema,
  expiresAt: v.optional(requestTimestampSchema),
});

/** `POST …/adjustments`: a correction of either sign, never zero. */
export const createAdjustmentBodySchema = v.object({
  credits: v.pipe(
    creditsSchema,
    v.check((credits) => credits !== 0, 'must not be zero'),
  ),
  reason: reasonSchema,
});

/** A hold: credits reserved for a job, counted in `Balance.held` while `active`. */
export const holdSchema = v.object({
  id: idSchema,
  status: holdStatusSchema,
  amount: positiveCreditsSchema,
  captured: nonNegativeCreditsSchema,
  description: v.string(),
  website: v.nullish(websiteSchema),
  expiresAt: timestampSchema,
  createdAt: timestampSchema,
  transaction: v.nullish(transactionSchema),
});

export type RecordUsageInput = v.InferInput<typeof recordUsageBodySchema>;
export type CreateHoldInput = v.InferInput<typeof createHoldBodySchema>;
export type CaptureHoldInput = v.InferInput<typeof captureHoldBodySchema>;
export type CreateGrantInput = v.InferInput<typeof createGrantBodySchema>;
export type CreateAdjustmentInput = v.InferInput<typeof createAdjustmentBodySchema>;
export type Hold = v.InferOutput<typeof holdSchema>;
