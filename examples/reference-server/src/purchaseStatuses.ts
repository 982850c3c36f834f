/**
 * A purchase is a state machine whose statuses only move forward (Stripe's PaymentIntent
 * lifecycle, https://docs.stripe.com/payments/paymentintents/lifecycle): the open statuses
 * (waiting for a card, a confirmation or 3D Secure) move among themselves as attempts come and
 * go, then to `processing`, then to a final status. `succeeded`, `failed` and `canceled` never
 * change; `processing` only moves to a final status, so a late decline or 3D Secure answer can
 * never overwrite a payment that went through. Every status UPDATE names the statuses it moves
 * from (`WHERE status IN …`), so of two racing writers only one that is still allowed wins.
 */
export const OPEN_STATUSES = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
] as const;

export const FINAL_STATUSES = ['succeeded', 'failed', 'canceled'] as const;

export const isFinal = (status: unknown) => (FINAL_STATUSES as readonly unknown[]).includes(status);

/** The statuses a purchase may move to `target` from. */
export function statusesBefore(target: string): readonly string[] {
  if ((FINAL_STATUSES as readonly string[]).includes(target))
    return [...OPEN_STATUSES, 'processing'];
  return OPEN_STATUSES;
}
