import type { PaymentMethod } from 'credits-core';
import type { PaymentLabels } from '../labels/index.js';

/** "Visa •••• 4242", "Apple Pay", "Link (a@b.com)" — never more than the last four digits. */
export function paymentMethodName(method: PaymentMethod, labels: PaymentLabels): string {
  if (method.type === 'link') return labels.linkName(method.email ?? '');
  if (method.card) {
    const name = labels.cardName(method.card.brand, method.card.last4);
    return method.type === 'wallet' && method.wallet
      ? `${labels.walletName(method.wallet)} (${name})`
      : name;
  }
  if (method.type === 'wallet') return labels.walletName(method.wallet ?? '');
  return method.type;
}

/** `expired`, `expires-soon` (this month or next) or `valid`, at `now`. */
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
