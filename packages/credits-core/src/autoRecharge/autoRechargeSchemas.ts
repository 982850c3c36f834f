import * as v from 'valibot';
import { paymentFailureSchema } from '../schemas/failure.js';
import { moneySchema } from '../schemas/money.js';
import {
  idSchema,
  ledgerSeqSchema,
  nonNegativeCreditsSchema,
  openEnum,
  positiveCreditsSchema,
  requestIdSchema,
  timestampSchema,
} from '../schemas/primitives.js';

/**
 * `off`: not enabled; `active`: enabled and charging on crossings; `needs_action`: the last
 * recharge needs the user to authenticate (3-D Secure) — see `actionPurchaseId`;
 * `cap_reached`: this month's cap leaves no room for one more package; `disabled`: it turned
 * itself off (see `disabledReason`).
 */
export const AUTO_RECHARGE_STATES = [
  'off',
  'active',
  'needs_action',
  'cap_reached',
  'disabled',
] as const;
export type KnownAutoRechargeState = (typeof AUTO_RECHARGE_STATES)[number];

export const AUTO_RECHARGE_DISABLED_REASONS = [
  'repeated_failures',
  'card_removed',
  'card_expired',
] as const;

export const AUTO_RECHARGE_OUTCOMES = [
  'succeeded',
  'processing',
  'requires_action',
  'declined',
  'cap_reached',
] as const;

/** After this many failed recharges in a row, auto-recharge turns itself off. */
export const AUTO_RECHARGE_MAX_FAILURES = 3;

export const autoRechargeStateSchema = openEnum<typeof AUTO_RECHARGE_STATES>();
export const autoRechargeDisabledReasonSchema = openEnum<typeof AUTO_RECHARGE_DISABLED_REASONS>();
export const autoRechargeOutcomeSchema = openEnum<typeof AUTO_RECHARGE_OUTCOMES>();

/** What the user chose: the whole object is sent with `PUT /auto-recharge`. */
export const autoRechargeSettingsSchema = v.object({
  enabled: v.boolean(),
  thresholdCredits: positiveCreditsSchema,
  packageId: requestIdSchema,
  monthlyCap: v.object({
    amount: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
    currency: moneySchema.entries.currency,
  }),
  paymentMethodId: v.nullable(requestIdSchema),
});

export const autoRechargeAttemptSchema = v.object({
  id: idSchema,
  createdAt: timestampSchema,
  purchaseId: v.nullable(idSchema),
  outcome: autoRechargeOutcomeSchema,
  failure: v.nullable(paymentFailureSchema),
});

export const autoRechargeStatusSchema = v.object({
  state: autoRechargeStateSchema,
  periodStart: timestampSchema,
  periodEnd: timestampSchema,
  spent: moneySchema,
  rechargesThisPeriod: nonNegativeCreditsSchema,
  consecutiveFailures: nonNegativeCreditsSchema,
  disabledReason: v.nullable(autoRechargeDisabledReasonSchema),
  lastAttempt: v.nullable(autoRechargeAttemptSchema),
  actionPurchaseId: v.nullable(idSchema),
});

/** `GET /auto-recharge` and `PUT /auto-recharge` answer this document. */
export const autoRechargeSchema = v.object({
  settings: autoRechargeSettingsSchema,
  status: autoRechargeStatusSchema,
});

/**
 * `auto-recharge` event of `GET /events`: the account's auto-recharge document changed (settings
 * saved, an attempt and its outcome, a state change); the whole document, as `GET /auto-recharge`
 * answers it (the ledger was at `seq`). Here, not with the other events' schemas, so the client
 * entry does not carry the document's schema.
 */
export const autoRechargeEventSchema = v.object({
  seq: ledgerSeqSchema,
  autoRecharge: autoRechargeSchema,
});

export type AutoRechargeState = v.InferOutput<typeof autoRechargeStateSchema>;
export type AutoRechargeDisabledReason = v.InferOutput<typeof autoRechargeDisabledReasonSchema>;
export type AutoRechargeOutcome = v.InferOutput<typeof autoRechargeOutcomeSchema>;
export type AutoRechargeSettings = v.InferOutput<typeof autoRechargeSettingsSchema>;
export type AutoRechargeAttempt = v.InferOutput<typeof autoRechargeAttemptSchema>;
export type AutoRechargeStatus = v.InferOutput<typeof autoRechargeStatusSchema>;
export type AutoRecharge = v.InferOutput<typeof autoRechargeSchema>;
