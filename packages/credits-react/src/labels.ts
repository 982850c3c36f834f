import type { CreditsErrorCode } from 'credits-core';

/** Arguments a counted label gets: the number, its locale-formatted text and its plural category. */
export interface Count {
  count: number;
  formatted: string;
  plural: Intl.LDMLPluralRule;
}

/**
 * Every user-visible string of the widgets. English defaults; pass a partial
 * object as `labels` to `<CreditsProvider>` to translate or reword. Counted
 * strings are functions so each language can pluralise correctly.
 */
export interface CreditsLabels {
  balanceRegion: string;
  currentBalance: string;
  usedCredits: string;
  expiringSoon: string;
  /** "10,000 credits", "1 credit". */
  credits: (count: Count) => string;
  /** "of 60,000 total". */
  ofTotal: (total: Count) => string;
  /** "20.8% of your credits used". */
  percentUsed: (percent: string) => string;
  creditsUsedBar: string;
  /** "2,000 credits expire on Dec 1, 2026". */
  expiresOn: (amount: Count, date: string) => string;
  lowBalance: string;
  addCredits: string;
  loadingBalance: string;
  /** Announced politely when the balance changes after it first loaded. */
  balanceUpdated: (available: Count) => string;
  retry: string;
  // HistoryTable
  history: string;
  columns: { date: string; description: string; amount: string; balance: string; website: string };
  /** Names of transaction types; unknown future types use `other`. */
  transactionTypes: Record<
    'purchase' | 'usage' | 'grant' | 'refund' | 'adjustment' | 'expiry' | 'other',
    string
  >;
  filters: string;
  filterType: string;
  allTypes: string;
  filterWebsite: string;
  allWebsites: string;
  filterFrom: string;
  filterTo: string;
  search: string;
  searchPlaceholder: string;
  clearFilters: string;
  noTransactions: string;
  noMatches: string;
  loadingHistory: string;
  loadMore: string;
  loadingMore: string;
  /** "Showing 25 transactions". */
  showing: (count: Count) => string;
  endOfHistory: string;
  opensInNewTab: string;
  exportCsv: string;
  /** "Exporting… 1,200 rows". */
  exporting: (rows: Count) => string;
  exportDone: (rows: Count) => string;
  cancel: string;
  exportFailed: string;
  // UsageByWebsite
  usageByWebsite: string;
  usagePeriod: string;
  noUsage: string;
  // AddCreditsDialog
  addCreditsTitle: string;
  addCreditsDescription: string;
  choosePackage: string;
  /** "$0.72 per 1,000 credits". */
  pricePerThousand: (price: string) => string;
  paymentMethod: string;
  useNewCard: string;
  /** "Visa •••• 4242". */
  cardName: (brand: string, last4: string) => string;
  /** "Expires 12/2030". */
  expires: (date: string) => string;
  expired: string;
  expiresSoon: string;
  defaultBadge: string;
  testMode: string;
  cardNumber: string;
  testCardHint: string;
  invalidTestCard: string;
  saveCard: string;
  /** "Pay $10.00". */
  pay: (price: string) => string;
  payingNow: string;
  processingPayment: string;
  challengeTitle: string;
  challengeText: string;
  completeAuthentication: string;
  failAuthentication: string;
  /** "+10,000 credits added". */
  purchaseSucceeded: (credits: Count) => string;
  /** "New balance: 57,500 credits". */
  newBalance: (available: Count) => string;
  done: string;
  tryAgain: string;
  close: string;
  notAllowedToBuy: string;
  noPaymentProvider: string;
  stripeUnavailable: string;
  loadingCardForm: string;
  // PaymentMethods
  paymentMethods: string;
  addPaymentMethod: string;
  noSavedCards: string;
  setDefault: string;
  deleteCard: string;
  /** "Delete Visa •••• 4242?" */
  deleteTitle: (card: string) => string;
  deleteDescription: string;
  deleteDefaultDescription: string;
  chooseNewDefault: string;
  confirmDelete: string;
  saveCardButton: string;
  cardSaved: string;
  walletName: (wallet: string) => string;
  linkName: (email: string) => string;
  /** Why something failed, in words a user can act on, by error code. */
  errors: Partial<Record<CreditsErrorCode, string>> & { default: string };
}

export const defaultLabels: CreditsLabels = {
  balanceRegion: 'Credit balance',
  currentBalance: 'Current balance',
  usedCredits: 'Used credits',
  expiringSoon: 'Expiring soon',
  credits: ({ formatted, plural }) => `${formatted} ${plural === 'one' ? 'credit' : 'credits'}`,
  ofTotal: ({ formatted }) => `of ${formatted} total`,
  percentUsed: (percent) => `${percent} of your credits used`,
  creditsUsedBar: 'Share of credits used',
  expiresOn: ({ formatted, plural }, date) =>
    `${formatted} ${plural === 'one' ? 'credit expires' : 'credits expire'} on ${date}`,
  lowBalance: 'Your credit balance is low.',
  addCredits: 'Add credits',
  loadingBalance: 'Loading your credit balance…',
  balanceUpdated: ({ formatted, plural }) =>
    `Balance updated: ${formatted} ${plural === 'one' ? 'credit' : 'credits'} available.`,
  retry: 'Retry',
  history: 'Transaction history',
  columns: {
    date: 'Date',
    description: 'Description',
    amount: 'Amount',
    balance: 'Balance',
    website: 'Website',
  },
  transactionTypes: {
    purchase: 'Purchase',
    usage: 'Usage',
    grant: 'Grant',
    refund: 'Refund',
    adjustment: 'Adjustment',
    expiry: 'Expiry',
    other: 'Other',
  },
  filters: 'Filter transactions',
  filterType: 'Type',
  allTypes: 'All types',
  filterWebsite: 'Website',
  allWebsites: 'All websites',
  filterFrom: 'From',
  filterTo: 'To',
  search: 'Search',
  searchPlaceholder: 'Description or website',
  clearFilters: 'Clear filters',
  noTransactions: 'No transactions yet. Credits you buy and spend will show up here.',
  noMatches: 'No transactions match these filters.',
  loadingHistory: 'Loading transactions…',
  loadMore: 'Load more',
  loadingMore: 'Loading more transactions…',
  showing: ({ formatted, plural }) =>
    `Showing ${formatted} ${plural === 'one' ? 'transaction' : 'transactions'}`,
  endOfHistory: 'That’s the whole history.',
  opensInNewTab: '(opens in a new tab)',
  exportCsv: 'Export CSV',
  exporting: ({ formatted, plural }) =>
    `Exporting… ${formatted} ${plural === 'one' ? 'row' : 'rows'}`,
  exportDone: ({ formatted, plural }) =>
    `Exported ${formatted} ${plural === 'one' ? 'row' : 'rows'}.`,
  cancel: 'Cancel',
  exportFailed: 'The export failed. Please try again.',
  usageByWebsite: 'Usage by website',
  usagePeriod: 'Last 30 days',
  noUsage: 'No credits spent in this period.',
  addCreditsTitle: 'Add credits',
  addCreditsDescription:
    'Buy a one-time credit package. Credits are added as soon as the payment succeeds.',
  choosePackage: 'Choose a package',
  pricePerThousand: (price) => `${price} per 1,000 credits`,
  paymentMethod: 'Payment method',
  useNewCard: 'Use a new card',
  cardName: (brand, last4) => `${brand.charAt(0).toUpperCase()}${brand.slice(1)} •••• ${last4}`,
  expires: (date) => `Expires ${date}`,
  expired: 'Expired',
  expiresSoon: 'Expires soon',
  defaultBadge: 'Default',
  testMode: 'Test mode',
  cardNumber: 'Card number',
  testCardHint:
    'Test cards: 4242 4242 4242 4242 (succeeds), 4000 0027 6000 3184 (3D Secure), 4000 0000 0000 9995 (insufficient funds), 4000 0000 0000 0002 (declined).',
  invalidTestCard:
    'Test mode accepts Stripe’s test card numbers only. Use one of the cards listed below.',
  saveCard: 'Save this card for future purchases',
  pay: (price) => `Pay ${price}`,
  payingNow: 'Processing payment…',
  processingPayment:
    'Your payment is being confirmed. Your credits will appear as soon as it completes — you can close this window.',
  challengeTitle: 'Confirm the payment with your bank',
  challengeText:
    'Your bank asks you to authenticate this payment (3D Secure, simulated in test mode).',
  completeAuthentication: 'Complete authentication',
  failAuthentication: 'Fail authentication',
  purchaseSucceeded: ({ formatted, plural }) =>
    `+${formatted} ${plural === 'one' ? 'credit' : 'credits'} added`,
  newBalance: ({ formatted, plural }) =>
    `New balance: ${formatted} ${plural === 'one' ? 'credit' : 'credits'}`,
  done: 'Done',
  tryAgain: 'Try again',
  close: 'Close',
  notAllowedToBuy: 'Your account can’t buy credits. Ask an administrator of your workspace.',
  noPaymentProvider: 'Card payments aren’t available right now. Please try again later.',
  stripeUnavailable:
    'The secure card form couldn’t load. Check your connection and try again, or pay with a saved card.',
  loadingCardForm: 'Loading the secure card form…',
  paymentMethods: 'Payment methods',
  addPaymentMethod: 'Add payment method',
  noSavedCards: 'No saved cards yet.',
  setDefault: 'Set as default',
  deleteCard: 'Delete',
  deleteTitle: (card) => `Delete ${card}?`,
  deleteDescription: 'This card will no longer be available for purchases.',
  deleteDefaultDescription: 'This is your default card. Choose which card becomes the default.',
  chooseNewDefault: 'New default card',
  confirmDelete: 'Delete card',
  saveCardButton: 'Save card',
  cardSaved: 'Card saved.',
  walletName: (wallet) =>
    wallet === 'apple_pay' ? 'Apple Pay' : wallet === 'google_pay' ? 'Google Pay' : 'Wallet',
  linkName: (email) => `Link (${email})`,
  errors: {
    default: 'Something went wrong. Please try again.',
    network_error: 'We can’t reach the server. Check your connection and try again.',
    timeout: 'The server took too long to answer. Please try again.',
    unauthenticated: 'Your session has ended. Sign in again to see your credits.',
    forbidden: 'Your account isn’t allowed to do this. Ask an administrator.',
    invalid_response: 'The server sent an answer we don’t understand. Please try again later.',
    rate_limited: 'Too many requests. Wait a moment and try again.',
    default_payment_method_required: 'Choose a new default card before deleting this one.',
    validation_failed: 'Please check the details and try again.',
    internal_error: 'The server had a problem. Please try again.',
    service_unavailable: 'The service is temporarily unavailable. Please try again.',
  },
};

/** Merges host overrides over the defaults (error messages merge by code). */
export function resolveLabels(overrides: Partial<CreditsLabels> = {}): CreditsLabels {
  return {
    ...defaultLabels,
    ...overrides,
    errors: { ...defaultLabels.errors, ...overrides.errors },
  };
}
