import * as v from 'valibot';
import { openEnum } from './primitives.js';

/** Machine-readable error codes a backend may send. The list may grow in a minor version. */
export const SERVER_ERROR_CODES = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'authentication_required',
  'authentication_failed',
  'idempotency_key_reused',
  'idempotency_in_progress',
  'not_found',
  'validation_failed',
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'default_payment_method_required',
  'purchase_not_confirmable',
  'sandbox_unavailable',
  'internal_error',
  'service_unavailable',
] as const;
export type KnownServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

export const errorCodeSchema = openEnum<typeof SERVER_ERROR_CODES>();
export type ServerErrorCode = v.InferOutput<typeof errorCodeSchema>;

/** RFC 9457 problem details, extended with a stable `code`. */
export const problemSchema = v.object({
  type: v.optional(v.string(), 'about:blank'),
  title: v.string(),
  status: v.pipe(v.number(), v.safeInteger(), v.minValue(400), v.maxValue(599)),
  code: errorCodeSchema,
  detail: v.nullish(v.string()),
  instance: v.nullish(v.string()),
  errors: v.nullish(v.array(v.object({ path: v.string(), message: v.string() }))),
});

export type Problem = v.InferOutput<typeof problemSchema>;
