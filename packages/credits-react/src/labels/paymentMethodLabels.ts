import type { PaymentLabels } from './CreditsLabels.js';

/** The strings of a saved card and of the PaymentMethods list (its first load needs no dialog's words). */
export type PaymentMethodLabels = Pick<
  PaymentLabels,
  | 'cardName'
  | 'expires'
  | 'expired'
  | 'expiresSoon'
  | 'defaultBadge'
  | 'loadingPaymentMethods'
  | 'paymentMethods'
  | 'addPaymentMethod'
  | 'noSavedCards'
  | 'setDefault'
  | 'deleteCard'
  | 'cardActions'
  | 'walletName'
  | 'walletCard'
  | 'linkName'
>;

/** English defaults of the saved-card list: what PaymentMethods shows before any dialog opens. */
export const paymentMethodLabels: PaymentMethodLabels = {
  cardName: (brand, last4) => `${brand.charAt(0).toUpperCase()}${brand.slice(1)} •••• ${last4}`,
  expires: (date) => `Expires ${date}`,
  expired: 'Expired',
  expiresSoon: 'Expires soon',
  defaultBadge: 'Default',
  loadingPaymentMethods: 'Loading your saved cards…',
  paymentMethods: 'Payment methods',
  addPaymentMethod: 'Add payment method',
  noSavedCards: 'No saved cards yet.',
  setDefault: 'Set as default',
  deleteCard: 'Delete',
  cardActions: (card) => `Actions for ${card}`,
  walletName: (wallet) =>
    wallet === 'apple_pay' ? 'Apple Pay' : wallet === 'google_pay' ? 'Google Pay' : 'Wallet',
  walletCard: (wallet, card) => `${wallet} (${card})`,
  linkName: (email) => `Link (${email})`,
};
