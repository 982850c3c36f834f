import type { CreditPackage, PaymentMethod, Purchase } from 'credits-core';
import { expiryStatus } from 'credits-core';
import {
  AUTO_RECHARGE_MAX_FAILURES,
  type AutoRecharge,
  type AutoRechargeAttempt,
  type AutoRechargeDisabledReason,
  type AutoRechargeSettings,
  autoRechargeCard,
  autoRechargePeriod,
} from 'credits-core/auto-recharge';
import { parseAutoRechargeSettings } from 'credits-core/server';
import { clone, ok } from './createIdempotency.js';

export interface AutoRechargeStoreSettings {
  packages: readonly CreditPackage[];
  /** The account's saved cards, default first. */
  methods: () => readonly PaymentMethod[];
  /** `available` now: total − used − held. */
  available: () => number;
  /** Every purchase of the account (auto-recharges carry `origin: 'auto_recharge'`). */
  purchases: () => readonly Purchase[];
  /** Charges `pkg` off-session to the saved card; resolves with the purchase as it stands. */
  charge: (pkg: CreditPackage, paymentMethodId: string) => Promise<Purchase>;
  now: () => Date;
  nextId: (prefix: string) => string;
  initial?: Partial<AutoRechargeSettings>;
}

const IN_FLIGHT_OR_PAID = new Set(['succeeded', 'processing', 'requires_action']);

/**
 * Auto-recharge over the fake's one account, by CONTRACT.md's policy: one off-session charge per
 * crossing of the threshold (available going from ≥ threshold to < threshold), never past the
 * UTC month's cap (succeeded and in-flight recharges count, declines do not), no retry for the
 * same crossing, off after 3 failures in a row or when the charged card is deleted.
 * `observe()` runs after every change of the balance.
 */
export function createAutoRechargeStore(settings: AutoRechargeStoreSettings) {
  const [firstPackage] = settings.packages;
  let current: AutoRechargeSettings = {
    enabled: false,
    thresholdCredits: 5_000,
    packageId: firstPackage?.id ?? 'pkg',
    monthlyCap: firstPackage
      ? { amount: firstPackage.price.amount * 5, currency: firstPackage.price.currency }
      : { amount: 1, currency: 'USD' },
    paymentMethodId: null,
    ...settings.initial,
  };
  let disabledReason: AutoRechargeDisabledReason | null = null;
  let consecutiveFailures = 0;
  let lastAttempt: AutoRechargeAttempt | null = null;
  /** Whether available was at or above the threshold when last seen: the next drop is a crossing. */
  let armed = settings.available() >= current.thresholdCredits;
  let charging = false;
  /** The charge in progress, for tests and the Node server: resolves when it is known. */
  let inFlight: Promise<void> = Promise.resolve();

  const pkg = () => settings.packages.find((candidate) => candidate.id === current.packageId);

  function thisPeriod() {
    const period = autoRechargePeriod(settings.now());
    const recharges = settings
      .purchases()
      .filter(
        (purchase) =>
          purchase.origin === 'auto_recharge' &&
          purchase.createdAt >= period.start &&
          purchase.createdAt < period.end,
      );
    const counted = recharges.filter((purchase) => IN_FLIGHT_OR_PAID.has(purchase.status));
    const spent = counted.reduce((sum, purchase) => sum + purchase.amount.amount, 0);
    return { period, recharges, counted, spent };
  }

  function outcomeOf(purchase: Purchase): AutoRechargeAttempt['outcome'] {
    if (purchase.status === 'succeeded' || purchase.status === 'processing') return purchase.status;
    return purchase.status === 'requires_action' ? 'requires_action' : 'declined';
  }

  /** A recharge whose 3-D Secure the user completed is a success: the failures start over. */
  function syncFailures(recharges: readonly Purchase[]) {
    const purchase = recharges.find((candidate) => candidate.id === lastAttempt?.purchaseId);
    if (purchase?.status === 'succeeded') consecutiveFailures = 0;
  }

  function document(): AutoRecharge {
    const { period, recharges, counted, spent } = thisPeriod();
    syncFailures(recharges);
    const attempt = lastAttempt && { ...lastAttempt };
    const purchase = recharges.find((candidate) => candidate.id === attempt?.purchaseId);
    if (attempt && purchase) {
      attempt.outcome = outcomeOf(purchase);
      attempt.failure = purchase.failure ?? null;
    }
    const action = recharges.find((candidate) => candidate.status === 'requires_action');
    const price = pkg()?.price.amount ?? 0;
    const state = !current.enabled
      ? disabledReason
        ? 'disabled'
        : 'off'
      : action
        ? 'needs_action'
        : spent + price > current.monthlyCap.amount
          ? 'cap_reached'
          : 'active';
    return clone({
      settings: current,
      status: {
        state,
        periodStart: period.start,
        periodEnd: period.end,
        spent: { amount: spent, currency: current.monthlyCap.currency },
        rechargesThisPeriod: counted.length,
        consecutiveFailures,
        disabledReason: current.enabled ? null : disabledReason,
        lastAttempt: attempt,
        actionPurchaseId: action?.id ?? null,
      },
    });
  }

  function disable(reason: AutoRechargeDisabledReason) {
    current = { ...current, enabled: false };
    disabledReason = reason;
  }

  async function recharge() {
    const chosen = pkg();
    const card = autoRechargeCard(current, settings.methods());
    if (!chosen) return;
    syncFailures(thisPeriod().recharges);
    const attempt: AutoRechargeAttempt = {
      id: settings.nextId('arc'),
      createdAt: settings.now().toISOString(),
      purchaseId: null,
      outcome: 'cap_reached',
      failure: null,
    };
    lastAttempt = attempt;
    if (!card) return disable('card_removed');
    if (expiryStatus(card, settings.now()) === 'expired') return disable('card_expired');
    // The cap holds before the charge: a recharge that would pass it is not attempted.
    if (thisPeriod().spent + chosen.price.amount > current.monthlyCap.amount) return;
    charging = true;
    try {
      const purchase = await settings.charge(chosen, card.id);
      attempt.purchaseId = purchase.id;
      attempt.outcome = outcomeOf(purchase);
      attempt.failure = purchase.failure ?? null;
    } finally {
      charging = false;
    }
    if (attempt.outcome === 'succeeded' || attempt.outcome === 'processing') {
      consecutiveFailures = 0;
    } else {
      consecutiveFailures += 1;
      if (consecutiveFailures >= AUTO_RECHARGE_MAX_FAILURES) disable('repeated_failures');
    }
  }

  return {
    get: () => ok(document()),
    settings: () => ({ ...current }),

    update(body: unknown) {
      const next = parseAutoRechargeSettings(
        body,
        settings.packages,
        settings.methods(),
        settings.now(),
      );
      if (next.enabled && !current.enabled) {
        consecutiveFailures = 0;
        disabledReason = null;
      }
      current = next;
      // Saving never charges: only the next crossing does.
      armed = settings.available() >= current.thresholdCredits;
      return ok(document());
    },

    /**
     * After every balance change: a drop below the threshold from at or above it is a crossing,
     * and makes one charge; rising back to the threshold re-arms. Resolves when the charge is known.
     */
    observe(): Promise<void> {
      const above = settings.available() >= current.thresholdCredits;
      if (above || charging) {
        if (above) armed = true;
        return Promise.resolve();
      }
      if (!armed || !current.enabled) {
        armed = false;
        return Promise.resolve();
      }
      armed = false;
      inFlight = recharge();
      return inFlight;
    },

    /** Resolves once the charge in progress (if any) is known. */
    settled: () => inFlight,

    /** A saved card was deleted: auto-recharge that charges it turns itself off. */
    cardRemoved(id: string) {
      if (!current.enabled) return;
      if (current.paymentMethodId === id || !autoRechargeCard(current, settings.methods()))
        disable('card_removed');
    },
  };
}

export type AutoRechargeStore = ReturnType<typeof createAutoRechargeStore>;
