/**
 * The contract's enum values. Kept apart from the schemas so that code which
 * only lists or labels them (filters, badges) never pulls a validator into its
 * bundle. Open enums may grow in a minor version (see openEnum).
 */

/** `test`: sandbox payments are available; `live`: real charges only. */
export const CREDITS_MODES = ['test', 'live'] as const;
export type CreditsMode = (typeof CREDITS_MODES)[number];

export const PAYMENT_METHOD_TYPES = ['card', 'link', 'wallet'] as const;
export type KnownPaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

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
  'insufficient_credits',
  'hold_not_active',
  'payment_method_required',
] as const;
export type KnownServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

export const PURCHASE_STATUSES = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'succeeded',
  'failed',
  'canceled',
] as const;
/** How a purchase came about: the user's checkout, or an off-session auto-recharge. */
export const PURCHASE_ORIGINS = ['checkout', 'auto_recharge'] as const;

export type KnownPurchaseStatus = (typeof PURCHASE_STATUSES)[number];

export const SETUP_INTENT_STATUSES = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
  'processing',
  'succeeded',
  'canceled',
] as const;

export const TRANSACTION_TYPES = [
  'purchase',
  'usage',
  'grant',
  'refund',
  'adjustment',
  'expiry',
] as const;
export type KnownTransactionType = (typeof TRANSACTION_TYPES)[number];
