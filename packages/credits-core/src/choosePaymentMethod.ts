import type { PaymentMethod } from './schemas/paymentMethod.js';

/** `expired`, `expires-soon` (this month or next) or `valid`, at `now` (card expiry is UTC months). */
export function expiryStatus(
  method: PaymentMethod,
  now = new Date(),
): 'expired' | 'expires-soon' | 'valid' {
  if (!method.card) return 'valid';
  const months =
    method.card.expYear * 12 +
    (method.card.expMonth - 1) -
    (now.getUTCFullYear() * 12 + now.getUTCMonth());
  if (months < 0) return 'expired';
  return months <= 1 ? 'expires-soon' : 'valid';
}

/**
 * The card to pre-select for the user among `methods`: the default, else the
 * first one. An expired card is never chosen for the user (it can only be
 * picked by hand where a form allows it); `undefined` when no card qualifies.
 * Every place that pre-selects a card (the purchase form, the new default
 * after deleting the default) asks this one function.
 */
export function choosePaymentMethod(
  methods: readonly PaymentMethod[],
  now = new Date(),
): PaymentMethod | undefined {
  const usable = methods.filter((method) => expiryStatus(method, now) !== 'expired');
  return usable.find((method) => method.isDefault) ?? usable[0];
}
