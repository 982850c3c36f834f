import type { PaymentMethod } from 'credits-core';
import type { PaymentMethodLabels } from '../labels/paymentMethodLabels.js';

/** "Visa •••• 4242", "Apple Pay", "Link (a@b.com)" — never more than the last four digits. */
export function paymentMethodName(method: PaymentMethod, labels: PaymentMethodLabels): string {
  if (method.type === 'link') return labels.linkName(method.email ?? '');
  if (method.card) {
    const name = labels.cardName(method.card.brand, method.card.last4);
    return method.type === 'wallet' && method.wallet
      ? labels.walletCard(labels.walletName(method.wallet), name)
      : name;
  }
  if (method.type === 'wallet') return labels.walletName(method.wallet ?? '');
  return method.type;
}

/** The card's expiry month as the locale writes it ("12/2034"); `undefined` for a method without a card. */
export function cardExpiry(method: PaymentMethod, locale: string | undefined): string | undefined {
  if (!method.card) return undefined;
  return new Intl.DateTimeFormat(locale, {
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(method.card.expYear, method.card.expMonth - 1, 1)));
}
