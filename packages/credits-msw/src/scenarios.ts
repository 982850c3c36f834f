import { generateTransactions, SEED_NOW } from 'credits-core/server';
import type { CreditsBackendOptions } from './createCreditsBackend.js';
import type { EventStreamBehaviour } from './createEventFeed.js';

/** How the handlers misbehave on purpose, on top of the backend's state. */
export interface CreditsScenario {
  /** Options for the backend the handlers create (ignored when you pass your own backend). */
  backend?: CreditsBackendOptions;
  /** Delay before every response, in ms. */
  latencyMs?: number;
  /** Every request answers 401 `unauthenticated`. */
  unauthenticated?: boolean;
  /** Reads work; every write answers 403 `forbidden` (may view, may not buy). */
  readOnly?: boolean;
  /** Every request answers 500 `internal_error`. */
  serverError?: boolean;
  /** Successful JSON answers are corrupted so they break the contract. */
  malformed?: boolean;
  /**
   * No request is ever answered: only the client's own timeout (or abort) ends it.
   * The handler waits on the request's abort signal, so it leaves no timer behind.
   */
  hang?: boolean;
  /**
   * Writes are applied, then the connection drops before the answer arrives
   * (`HttpResponse.error()`, a network error). Once per `Idempotency-Key` (per
   * method and URL without one): a retry with the same key gets the stored answer.
   */
  dropAfterWrite?: boolean;
  /**
   * Every second GET to a path is answered late: its answer is computed when the
   * request arrives, then held until the next GET to that path has been answered
   * (at most 1 s, or until the client aborts). An older answer arrives after a newer one.
   */
  outOfOrder?: boolean;
  /** Live events: how `GET /events` behaves (see createEventFeed); absent, no stream is offered. */
  events?: EventStreamBehaviour;
}

const lowBalanceLedger = () => {
  const rows = generateTransactions({ count: 30, seed: 7 });
  const available = rows[0]?.balanceAfter ?? 0;
  const spend = Math.max(0, available - 1_200);
  const spent = {
    id: 'txn_seed_low',
    createdAt: SEED_NOW,
    type: 'usage' as const,
    description: 'Website generation',
    amount: -spend,
    balanceAfter: available - spend,
    website: { id: 'web_bakery', name: 'Bakery Bliss', url: 'https://bakery-bliss.example' },
    purchaseId: null,
  };
  return [
    spent,
    ...rows.map((row) => ({
      ...row,
      createdAt: new Date(Date.parse(row.createdAt) - 60_000).toISOString(),
    })),
  ];
};

/**
 * A clock that starts on the seed day (SEED_NOW) and runs from the moment the scenario is read:
 * dates a scenario fixes stay ahead of it on any later day, and time still passes.
 */
function seedDayClock(): () => Date {
  const start = Date.now();
  return () => new Date(Date.parse(SEED_NOW) + (Date.now() - start));
}
const autoRechargeOn = {
  enabled: true,
  thresholdCredits: 2_000,
  packageId: 'pkg_10k',
  monthlyCap: { amount: 5_000, currency: 'USD' },
  paymentMethodId: null,
};

/**
 * Named scenarios an integrator picks per test or story:
 * `createCreditsHandlers({ scenario: 'lowBalance' })`.
 */
export const creditsScenarios = {
  /** A realistic account: seeded ledger across six websites, two saved cards. */
  default: {},
  /** A brand-new account: no credits, no history, no saved cards. */
  empty: { backend: { transactions: [], paymentMethods: [], expiring: [] } },
  /** 1,200 credits left, under the 5,000 threshold. */
  lowBalance: { backend: { transactions: lowBalanceLedger(), lowBalanceThreshold: 5_000 } },
  /**
   * Promotional grants that expire soon: on 1 Dec 2026 and 15 Jan 2027, seen from the seed
   * day (the fake expires lots as its clock passes them, so on the real clock they would lapse).
   */
  expiringGrants: {
    get backend() {
      return {
        expiring: [
          { amount: 2_000, expiresAt: '2026-12-01T00:00:00Z' },
          { amount: 500, expiresAt: '2027-01-15T00:00:00Z' },
        ],
        now: seedDayClock(),
      };
    },
  },
  /** Every request fails with 500. */
  serverError: { serverError: true },
  /** Every response takes 2.5 s. */
  slow: { latencyMs: 2_500 },
  /** The server never answers: the client's timeout must fire. */
  hang: { hang: true },
  /** The backend applies each write, then the connection drops before the answer (once per key). */
  dropAfterWrite: { dropAfterWrite: true },
  /** Every second GET to a path answers after the next one: older data arrives last. */
  outOfOrder: { outOfOrder: true },
  /** Responses that break the contract (wrong types, fractional credits…). */
  malformed: { malformed: true },
  /** The saved default card is declined (generic decline). */
  cardDeclined: { backend: { paymentMethods: ['pm_card_visa_chargeDeclined', 'pm_card_visa'] } },
  /** The saved default card asks for 3D Secure on every payment. */
  threeDSecure: { backend: { paymentMethods: ['pm_card_threeDSecure2Required', 'pm_card_visa'] } },
  /** Successful payments stay `processing` for 5 s, as if the webhook were late. */
  webhookDelay: { backend: { webhookDelayMs: 5_000 } },
  /** Signed out: every request answers 401. */
  unauthenticated: { unauthenticated: true },
  /** A viewer: may see balance and history, may not buy or change cards. */
  forbidden: { readOnly: true },
  /** Live events: `GET /events` streams every change (spent in another tab, by the host's server). */
  live: { events: 'live' },
  /** Live events whose first connection drops right after its first ledger row: the client resumes. */
  liveDropMidStream: { events: 'dropMidStream' },
  /** Live events that leave one ledger row out: the client sees the seq jump and refetches once. */
  liveGap: { events: 'gap' },
  /** Live events sent 1.5 s late. */
  liveSlow: { events: 'slow' },
  /** `/config` offers live events but `GET /events` answers 404: the client polls. */
  liveNoStream: { events: 'noStream' },
  /** Auto-recharge on (2,000-credit threshold, the 10,000 package, a $50 cap): one recharge this month. */
  autoRechargeOn: {
    backend: { autoRecharge: autoRechargeOn, autoRechargeCrossings: 1 },
  },
  /** Auto-recharge on with a card that always asks for 3-D Secure: a recharge waits for the user. */
  autoRechargeNeedsAction: {
    backend: {
      autoRecharge: autoRechargeOn,
      autoRechargeCrossings: 1,
      paymentMethods: ['pm_card_threeDSecure2Required', 'pm_card_visa'],
    },
  },
  /** Auto-recharge on with a declined default card: the last recharge was declined. */
  autoRechargeDeclined: {
    backend: {
      autoRecharge: autoRechargeOn,
      autoRechargeCrossings: 1,
      paymentMethods: ['pm_card_visa_chargeDeclined', 'pm_card_visa'],
    },
  },
  /** Auto-recharge with a $20 cap already spent by two recharges: the third was not attempted. */
  autoRechargeCapReached: {
    backend: {
      autoRecharge: { ...autoRechargeOn, monthlyCap: { amount: 2_000, currency: 'USD' } },
      autoRechargeCrossings: 3,
    },
  },
} satisfies Record<string, CreditsScenario>;

export type CreditsScenarioName = keyof typeof creditsScenarios;
