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
  errors: {
    default: 'Something went wrong. Please try again.',
    network_error: 'We can’t reach the server. Check your connection and try again.',
    timeout: 'The server took too long to answer. Please try again.',
    unauthenticated: 'Your session has ended. Sign in again to see your credits.',
    forbidden: 'Your account isn’t allowed to do this. Ask an administrator.',
    invalid_response: 'The server sent an answer we don’t understand. Please try again later.',
    rate_limited: 'Too many requests. Wait a moment and try again.',
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
