import type { AutoRechargeIssue } from 'credits-core/auto-recharge';
import type { Count } from '../labels/CreditsLabels.js';

type DisabledReason = 'repeated_failures' | 'card_removed' | 'card_expired';

/**
 * Auto-recharge's strings (AutoRechargeSettings, and its status line in BalanceCards). Functions
 * take values already formatted for the locale. Translations ship in this widget's own chunks,
 * one per locale; a host rewords any of them with `labels.autoRecharge` on `<CreditsProvider>`.
 */
export interface AutoRechargeLabels {
  title: string;
  enable: string;
  threshold: string;
  thresholdHint: string;
  package: string;
  packageOption: (credits: string, price: string) => string;
  monthlyCap: string;
  /** "Up to 5 recharges a month". */
  capHint: (count: Count) => string;
  card: string;
  defaultCard: string;
  expired: string;
  save: string;
  saving: string;
  saved: string;
  /** "Auto-recharge on · $45.00 of $100.00 this month". */
  statusOn: (spent: string, cap: string) => string;
  statusOff: string;
  statusNeedsAction: string;
  /** Opens the challenge of the recharge that waits for the user (3D Secure). */
  completePayment: string;
  statusCapReached: (cap: string) => string;
  /** Why it turned itself off. */
  statusDisabled: Record<DisabledReason, string>;
  lastDeclined: string;
  /** What is wrong with a field, by `autoRechargeIssues`' code (and the backend's payment_method_required). */
  issues: Record<AutoRechargeIssue['code'], string>;
}

/** The host's rewording (`labels.autoRecharge`): any string, and any issue or reason by its code. */
export type AutoRechargeLabelOverrides = Partial<
  Omit<AutoRechargeLabels, 'issues' | 'statusDisabled'>
> & {
  issues?: Partial<AutoRechargeLabels['issues']>;
  statusDisabled?: Partial<AutoRechargeLabels['statusDisabled']>;
};

/** English, built in: the other languages are loaded for the locale in use. */
export const autoRechargeLabels: AutoRechargeLabels = {
  title: 'Auto-recharge',
  enable: 'Top up automatically',
  threshold: 'When credits fall below',
  thresholdHint: 'A whole number of credits',
  package: 'Buy',
  packageOption: (credits, price) => `${credits} credits for ${price}`,
  monthlyCap: 'Monthly limit',
  capHint: ({ formatted, plural }) =>
    `Up to ${formatted} ${plural === 'one' ? 'recharge' : 'recharges'} a month`,
  card: 'Charge',
  defaultCard: 'Default card',
  expired: 'expired',
  save: 'Save',
  saving: 'Saving…',
  saved: 'Saved',
  statusOn: (spent, cap) => `Auto-recharge on · ${spent} of ${cap} this month`,
  statusOff: 'Auto-recharge off',
  statusNeedsAction: 'Auto-recharge needs your action: confirm the last payment',
  completePayment: 'Complete payment',
  statusCapReached: (cap) => `Auto-recharge paused: monthly limit of ${cap} reached`,
  statusDisabled: {
    repeated_failures: 'Auto-recharge off after 3 failed payments',
    card_removed: 'Auto-recharge off: the card it charged was removed',
    card_expired: 'Auto-recharge off: the card it charged has expired',
  },
  lastDeclined: 'The last recharge was declined.',
  issues: {
    not_positive_integer: 'Enter a whole number of credits, 1 or more.',
    unknown_package: 'Choose a package.',
    not_positive: 'Enter a limit above zero.',
    currency_mismatch: 'The limit must be in the package’s currency.',
    below_package_price: 'The limit must cover at least one package.',
    unknown_payment_method: 'Choose one of your saved cards.',
    expired_payment_method: 'This card has expired. Choose another card.',
    payment_method_required: 'Add a card first: auto-recharge needs a saved, valid card.',
  },
};
