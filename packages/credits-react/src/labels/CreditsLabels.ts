import type { CreditsErrorCode } from 'credits-core';
import type { AutoRechargeLabelOverrides } from '../AutoRechargeSettings/autoRechargeLabels.js';

/** Arguments a counted label gets: the number, its locale-formatted text and its plural category. */
export interface Count {
  count: number;
  formatted: string;
  plural: Intl.LDMLPluralRule;
}

/** Strings every widget shares: counts, retry, loading, errors. */
export interface CommonLabels {
  /** "10,000 credits", "1 credit". */
  credits: (count: Count) => string;
  addCredits: string;
  loadingBalance: string;
  retry: string;
  loadingHistory: string;
  opensInNewTab: string;
  cancel: string;
  /**
   * Between two facts on one line ("10,000 credits · Starter"), spaces included: a middle dot
   * reads as a zero in Arabic, which uses its comma.
   */
  separator: string;
  /** Why something failed, in words a user can act on, by error code. */
  errors: Partial<Record<CreditsErrorCode, string>> & { default: string };
}

/** Strings of BalanceCards. */
export interface BalanceLabels {
  balanceRegion: string;
  currentBalance: string;
  usedCredits: string;
  expiringSoon: string;
  /** "of 60,000 total". */
  ofTotal: (total: Count) => string;
  /** "1,500 credits held for running jobs" (shown while holds reserve credits). */
  heldCredits: (held: Count) => string;
  /** "20.8% of your credits used". */
  percentUsed: (percent: string) => string;
  creditsUsedBar: string;
  /** "2,000 credits expire on Dec 1, 2026". */
  expiresOn: (amount: Count, date: string) => string;
  lowBalance: string;
  /** Below zero: "Your credit balance is overdrawn." */
  overdrawnBalance: string;
  /** A new account, never funded: not "low", a first step. */
  emptyBalance: string;
  /** Announced politely when the balance changes after it first loaded. */
  balanceUpdated: (available: Count) => string;
}

/** Strings of HistoryTable and UsageByWebsite. */
export interface HistoryLabels {
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
  /** Shown in an empty date filter, instead of the browser's own "mm/dd/yyyy". */
  anyDate: string;
  search: string;
  searchPlaceholder: string;
  clearFilters: string;
  noTransactions: string;
  noMatches: string;
  loadMore: string;
  loadingMore: string;
  /** "Showing 25 transactions". */
  showing: (count: Count) => string;
  endOfHistory: string;
  exportCsv: string;
  /** "Exporting… 1,200 rows". */
  exporting: (rows: Count) => string;
  exportDone: (rows: Count) => string;
  exportFailed: string;
  usageByWebsite: string;
  usagePeriod: string;
  loadingUsage: string;
  noUsage: string;
  /** The usage ranking's button that lists the next websites. */
  showMoreWebsites: string;
  /** "Showing 10 websites", announced after "Show more". */
  websitesShown: (count: Count) => string;
}

/** Strings of AddCreditsDialog, PaymentMethods and the card forms. */
export interface PaymentLabels {
  /**
   * A package's badge as the backend sends it ("Popular", "Best value"), in the user's words;
   * a badge not listed shows as the backend wrote it.
   */
  packageBadges: Record<string, string>;
  addCreditsTitle: string;
  addCreditsDescription: string;
  choosePackage: string;
  /** "$0.72 per 1,000 credits"; `per` is 1,000 formatted for the locale (1.000 in German). */
  pricePerThousand: (price: string, per: Count) => string;
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
  /** The order summary's last line, above Pay: "Total $180.00". */
  orderTotal: string;
  /** Under Pay when Stripe takes the card (not in the sandbox, which shows "Test mode"). */
  processedByStripe: string;
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
  loadingPackages: string;
  /**
   * Why a payment or card setup failed, by the failure's `code` (`card_declined`,
   * `insufficient_funds`, `authentication_failed`…). Empty by default: the backend's
   * own `failure.message` is shown; set these to show your words (e.g. translated).
   */
  declines: Partial<Record<string, string>>;
  loadingPaymentMethods: string;
  paymentMethods: string;
  addPaymentMethod: string;
  noSavedCards: string;
  setDefault: string;
  deleteCard: string;
  /** Accessible name of a card row's "⋯" button, which shows Set as default and Delete: "Actions for Visa •••• 4242". */
  cardActions: (card: string) => string;
  /** "Delete Visa •••• 4242?" */
  deleteTitle: (card: string) => string;
  deleteDescription: string;
  deleteDefaultDescription: string;
  chooseNewDefault: string;
  confirmDelete: string;
  saveCardButton: string;
  cardSaved: string;
  walletName: (wallet: string) => string;
  /** A card in a wallet: "Apple Pay (Visa •••• 4242)". */
  walletCard: (wallet: string, card: string) => string;
  linkName: (email: string) => string;
}

/**
 * Every user-visible string of the widgets. English defaults; pass a partial
 * object as `labels` to `<CreditsProvider>` to translate or reword. Counted
 * strings are functions so each language can pluralise correctly.
 */
/** Strings of UsageChart and the usage period picker (shared with UsageByWebsite). */
export interface UsageChartLabels {
  usageChart: string;
  period: string;
  periods: Record<'last7' | 'last30' | 'last90' | 'thisMonth' | 'custom', string>;
  periodFrom: string;
  periodTo: string;
  /** "12,500 credits used". */
  totalUsed: (total: Count) => string;
  /** "+12% vs the previous period", given the signed, formatted percentage. */
  changeVsPrevious: (percent: string) => string;
  noPreviousUsage: string;
  /** The text summary: total, the biggest website and the busiest bucket. */
  chartSummary: (total: Count, topWebsite: string | null, busiest: string | null) => string;
  otherWebsites: string;
  purchased: string;
  /** One bar, announced: "Mar 29, 2026: 1,500 credits used; Example: 1,200 credits; purchased 10,000 credits". */
  barLabel: (date: string, parts: string) => string;
  showTable: string;
  showChart: string;
  tablePeriod: string;
  tableTotal: string;
  exportChartCsv: string;
  loadingChart: string;
  noUsageInPeriod: string;
  /** "Showing Example only", when a bar or legend entry filters the history. */
  selected: (website: string) => string;
  clearSelection: string;
}

export interface CreditsLabels
  extends CommonLabels,
    BalanceLabels,
    HistoryLabels,
    PaymentLabels,
    UsageChartLabels {}

/** Labels that are names, the same in every language (brands, "Link (email)"): English only. */
export type LanguageNeutralLabels = 'cardName' | 'walletName' | 'walletCard' | 'linkName';

/** What a shipped translation holds: every label but the language-neutral ones. */
export type Translation = Omit<CreditsLabels, LanguageNeutralLabels>;

/**
 * What a host passes as `labels` to `<CreditsProvider>`: any string of the widgets, and
 * auto-recharge's own (`autoRecharge`, shipped with `credits-react/auto-recharge`).
 */
export type HostLabels = Partial<CreditsLabels> & { autoRecharge?: AutoRechargeLabelOverrides };
