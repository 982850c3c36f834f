import {
  CONTRACT_VERSION,
  type CreditPackage,
  type CreditsConfig,
  type ExpiringGrant,
  type Transaction,
  type TransactionPage,
} from 'credits-core';
import type { AutoRechargeSettings } from 'credits-core/auto-recharge';
import { SANDBOX_PACKAGES } from 'credits-core/sandbox';
import {
  generateTransactions,
  ProblemError,
  type RecordUsageInput,
  SEED_WEBSITES,
  type usageQuerySchema,
  type usageSeriesQuerySchema,
} from 'credits-core/server';
import type * as v from 'valibot';
import { createAutoRechargeStore } from './backend/createAutoRechargeStore.js';
import { type BackendResult, createIdempotency, ok } from './backend/createIdempotency.js';
import { createPaymentMethodsStore } from './backend/createPaymentMethodsStore.js';
import { createPurchasesStore } from './backend/createPurchasesStore.js';
import { createServerApi } from './backend/createServerApi.js';
import { createSetupIntentsStore } from './backend/createSetupIntentsStore.js';
import { createLedger, type LedgerFilters } from './createLedger.js';
import { usageWebsitesPage } from './usageQueries.js';

export type { BackendResult };

/** The account the fake holds, as the Server API addresses it (`/server/accounts/{accountId}`). */
export const DEFAULT_ACCOUNT_ID = 'acct_demo';

export interface CreditsBackendOptions {
  mode?: 'test' | 'live';
  currency?: string;
  stripePublishableKey?: string | null;
  limits?: { maxPageSize: number; defaultPageSize: number };
  packages?: readonly CreditPackage[];
  /** The starting ledger, newest first. Default: a seeded, realistic ledger of 40 rows. */
  transactions?: readonly Transaction[];
  /** Saved payment methods, as Stripe test tokens (`pm_card_visa`, …); the first is the default. */
  paymentMethods?: readonly string[];
  lowBalanceThreshold?: number | null;
  overdraftAllowed?: boolean;
  expiring?: readonly ExpiringGrant[];
  /** A succeeded payment stays `processing` this long, as if waiting for the webhook. */
  webhookDelayMs?: number;
  /** How long a payment takes at "Stripe": the window in which a replay gets `idempotency_in_progress`. */
  paymentLatencyMs?: number;
  /** The one account's id in the Server API. Default `acct_demo`. */
  accountId?: string;
  /** The clock. */
  now?: () => Date;
  /**
   * Offer auto-recharge (`Config.autoRecharge`), starting from these settings (off, a threshold
   * of 5,000 and a cap of five packages unless given). Absent: not offered (404).
   */
  autoRecharge?: Partial<AutoRechargeSettings>;
  /**
   * Crossings of the auto-recharge threshold to replay once created, as "Website generation"
   * usage would (each spends just below the threshold, then waits for its recharge): how the
   * scenarios reach a month with recharges, a decline, a 3-D Secure to complete, or the cap.
   */
  autoRechargeCrossings?: number;
}

/**
 * A stateful, in-memory implementation of the credits contract for one account, both parts:
 * purchases really add credits and ledger rows, idempotency keys work as the contract says,
 * payment-method rules hold, sandbox tokens behave as Stripe's test tokens, and the Server API
 * meters, holds and grants. The MSW handlers and the Node server are thin layers over it; tests
 * and stories can also call it directly. One domain per module under backend/.
 */
export function createCreditsBackend(options: CreditsBackendOptions = {}) {
  const now = options.now ?? (() => new Date());
  const config: CreditsConfig = {
    apiVersion: CONTRACT_VERSION,
    mode: options.mode ?? 'test',
    stripePublishableKey: options.stripePublishableKey ?? null,
    currency: options.currency ?? 'USD',
    limits: options.limits ?? { maxPageSize: 100, defaultPageSize: 25 },
    events: false,
    ...(options.autoRecharge ? { autoRecharge: true } : {}),
  };
  const packages = [...(options.packages ?? SANDBOX_PACKAGES)];
  const ledgerRows = createLedger({
    transactions: options.transactions ?? generateTransactions(),
    overdraftAllowed: options.overdraftAllowed,
    lowBalanceThreshold:
      options.lowBalanceThreshold === undefined ? 5_000 : options.lowBalanceThreshold,
    expiring: options.expiring,
  });
  // Every change of `available` is seen by auto-recharge: a drop below its threshold is a crossing.
  const observe = () => void autoRecharge.observe();
  const ledger: typeof ledgerRows = {
    ...ledgerRows,
    append: (entry) => {
      const row = ledgerRows.append(entry);
      observe();
      return row;
    },
    hold: (credits) => {
      ledgerRows.hold(credits);
      observe();
    },
    release: (credits) => {
      ledgerRows.release(credits);
      observe();
    },
  };
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_${(++counter).toString(36).padStart(6, '0')}`;
  const idempotent = createIdempotency();
  const requireSandbox = () => {
    if (config.mode !== 'test') {
      throw new ProblemError(
        403,
        'sandbox_unavailable',
        'Sandbox unavailable',
        'Sandbox payments exist only in test mode.',
      );
    }
  };
  const methods = createPaymentMethodsStore(
    options.paymentMethods ?? ['pm_card_visa', 'pm_card_mastercard'],
    nextId,
  );
  const purchases = createPurchasesStore({
    ...options,
    packages,
    ledger,
    methods,
    idempotent,
    now,
    nextId,
    requireSandbox,
  });
  const setupIntents = createSetupIntentsStore({
    methods,
    idempotent,
    nextId,
    requireSandbox,
    paymentLatencyMs: options.paymentLatencyMs,
  });
  const autoRecharge = createAutoRechargeStore({
    packages,
    methods: () => methods.all(),
    available: () => ledgerRows.balance(now()).available,
    purchases: () => purchases.all(),
    charge: (pkg, paymentMethodId) => purchases.createOffSession(pkg, paymentMethodId),
    now,
    nextId,
    initial: options.autoRecharge,
  });
  const offered = () => {
    if (!options.autoRecharge) throw new ProblemError(404, 'not_found', 'No such operation');
    return autoRecharge;
  };
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  const server = createServerApi({ accountId, ledger, idempotent, now, nextId });
  const replay = (async () => {
    for (let crossing = 0; crossing < (options.autoRechargeCrossings ?? 0); crossing += 1) {
      const above = ledgerRows.balance(now()).available - autoRecharge.settings().thresholdCredits;
      if (above < 0) break;
      const [bakery] = SEED_WEBSITES;
      server.spend({
        credits: above + 1,
        description: 'Website generation',
        websiteId: bakery?.id,
        websiteName: bakery?.name,
      });
      await autoRecharge.settled();
    }
  })();

  return {
    config: () => ok(config),
    balance: () => {
      server.lapse();
      return ok(ledger.balance(now()));
    },
    packages: () => ok({ data: packages }),
    paymentMethods: () => methods.list(),

    /** `GET /transactions`, its query already validated (`transactionQuerySchema`). */
    listTransactions(params: LedgerFilters & { limit?: number; cursor?: string | null }) {
      const limit = params.limit ?? config.limits.defaultPageSize;
      return ok(ledger.list(params, Math.min(limit, config.limits.maxPageSize), params.cursor));
    },

    /** `GET /usage/websites`, its query already validated (`usageQuerySchema`). */
    usageByWebsite(params: v.InferOutput<typeof usageQuerySchema>) {
      const to = params.to ? new Date(params.to) : now();
      const from = params.from ? new Date(params.from) : new Date(to.getTime() - 30 * 86_400_000);
      const limit = Math.min(
        params.limit ?? config.limits.defaultPageSize,
        config.limits.maxPageSize,
      );
      return ok(usageWebsitesPage(ledger.usageByWebsite(from, to), limit, params.cursor));
    },

    /** `GET /usage/series`, its query already validated (`usageSeriesQuerySchema`). */
    usageSeries: (params: v.InferOutput<typeof usageSeriesQuerySchema>) =>
      ok(ledger.usageSeries(params)),

    createPurchase: (body: unknown, key: string | null) => purchases.create(body, key),
    getPurchase: (id: string) => purchases.get(id),
    createSetupIntent: (key: string | null) => setupIntents.create(key),
    setDefaultPaymentMethod: (id: string) => methods.setDefault(id),
    deletePaymentMethod: (id: string, newDefaultId?: string) => {
      const result = methods.remove(id, newDefaultId);
      autoRecharge.cardRemoved(id);
      return result;
    },

    /** `GET`/`PUT /auto-recharge`, when offered. */
    autoRecharge: {
      get: () => offered().get(),
      update: (body: unknown) => offered().update(body),
      /** Resolves once the recharge in progress (if any) is known: for tests. */
      settled: () => replay.then(() => autoRecharge.settled()),
    },

    sandbox: {
      confirmPurchase: (id: string, body: unknown) => purchases.sandboxConfirm(id, body),
      authenticatePurchase: (id: string, body: unknown) => purchases.sandboxAuthenticate(id, body),
      confirmSetupIntent: (id: string, body: unknown) => setupIntents.sandboxConfirm(id, body),
      authenticateSetupIntent: (id: string, body: unknown) =>
        setupIntents.sandboxAuthenticate(id, body),
    },

    /** The Server API (CONTRACT.md) of the one account `accountId`. */
    server: {
      accountId,
      balance: (account: string) => server.balance(account),
      recordUsage: (account: string, body: unknown, key: string | null) =>
        server.recordUsage(account, body, key),
      createHold: (account: string, body: unknown, key: string | null) =>
        server.createHold(account, body, key),
      captureHold: (account: string, id: string, body: unknown) =>
        server.captureHold(account, id, body),
      releaseHold: (account: string, id: string) => server.releaseHold(account, id),
      grant: (account: string, body: unknown, key: string | null) =>
        server.grant(account, body, key),
      adjust: (account: string, body: unknown, key: string | null) =>
        server.adjust(account, body, key),
    },

    /**
     * Spends credits at once, as the host's backend would through the Server API ("Website
     * generation"), for tests and stories. Refuses to overdraw unless overdraft is allowed.
     */
    spend(input: RecordUsageInput): Transaction {
      if (!Number.isSafeInteger(input.credits) || input.credits <= 0) {
        throw ProblemError.invalid(
          'credits',
          'Invalid amount',
          'credits must be a positive whole number.',
        );
      }
      server.lapse();
      return server.spend(input);
    },

    /** Every page of a filtered listing at once, with the backend's own cursors: load a huge ledger into a cache without round trips. */
    transactionPages(params: LedgerFilters & { limit?: number; pages?: number } = {}) {
      const limit = Math.min(params.limit ?? config.limits.maxPageSize, config.limits.maxPageSize);
      const pages: TransactionPage[] = [];
      const pageParams: (string | null)[] = [];
      let cursor: string | null = null;
      do {
        pageParams.push(cursor);
        const page = ledger.list(params, limit, cursor);
        pages.push(page);
        cursor = page.nextCursor;
      } while (cursor && pages.length < (params.pages ?? Number.POSITIVE_INFINITY));
      return { pages, pageParams };
    },

    tick: () => purchases.tick(),
    /** Direct reads for tests: not part of the contract. */
    inspect: {
      purchases: () => purchases.all(),
      transactionCount: () => ledger.size(),
    },
  };
}

export type CreditsBackend = ReturnType<typeof createCreditsBackend>;
