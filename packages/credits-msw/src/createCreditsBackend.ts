import {
  CONTRACT_VERSION,
  type CreditPackage,
  type CreditsConfig,
  createPurchaseBodySchema,
  type ExpiringGrant,
  type PaymentMethod,
  type Purchase,
  type SetupIntent,
  sandboxAuthenticateBodySchema,
  sandboxConfirmBodySchema,
  type Transaction,
  type TransactionPage,
} from 'credits-core';
import {
  SANDBOX_FAILURE_MESSAGES,
  SANDBOX_PACKAGES,
  sandboxCardForToken,
} from 'credits-core/sandbox';
import {
  assertDeletable,
  generateTransactions,
  idempotencyInProgress,
  idempotencyKeyReused,
  ProblemError,
  parseRequestBody,
  requireIdempotencyKey,
  type usageQuerySchema,
  type usageSeriesQuerySchema,
} from 'credits-core/server';
import type * as v from 'valibot';
import { createLedger, type LedgerFilters } from './createLedger.js';
import { usageWebsitesPage } from './usageQueries.js';

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
  /** The clock. */
  now?: () => Date;
}

/** What an operation answers: an HTTP status and a JSON body. */
export interface BackendResult {
  status: number;
  body: unknown;
}

interface PurchaseRecord {
  purchase: Purchase;
  /** A 3D Secure challenge waiting: the token and whether to save it. */
  pending?: { token: string; save: boolean; paymentMethodId: string | null };
  /** When a `processing` payment "arrives" (the webhook). */
  settleAt?: number;
}

interface SetupRecord {
  intent: SetupIntent;
  pending?: string;
}

interface IdempotencyRecord {
  fingerprint: string;
  result?: BackendResult;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const clone = <T>(value: T): T => structuredClone(value);

/** Key order does not change what a body means. */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/**
 * A stateful, in-memory implementation of the credits contract for one
 * account: purchases really add credits and ledger rows, idempotency keys work
 * as the contract says, payment-method rules hold, and sandbox tokens behave as
 * Stripe's test tokens. The MSW handlers and the Node server are thin layers
 * over it; tests and stories can also call it directly.
 */
export function createCreditsBackend(options: CreditsBackendOptions = {}) {
  const now = options.now ?? (() => new Date());
  const config: CreditsConfig = {
    apiVersion: CONTRACT_VERSION,
    mode: options.mode ?? 'test',
    stripePublishableKey: options.stripePublishableKey ?? null,
    currency: options.currency ?? 'USD',
    limits: options.limits ?? { maxPageSize: 100, defaultPageSize: 25 },
  };
  const packages = [...(options.packages ?? SANDBOX_PACKAGES)];
  const ledger = createLedger({
    transactions: options.transactions ?? generateTransactions(),
    overdraftAllowed: options.overdraftAllowed,
    lowBalanceThreshold:
      options.lowBalanceThreshold === undefined ? 5_000 : options.lowBalanceThreshold,
    expiring: options.expiring,
  });
  const purchases = new Map<string, PurchaseRecord>();
  const setupIntents = new Map<string, SetupRecord>();
  const idempotency = new Map<string, IdempotencyRecord>();
  let methods: { method: PaymentMethod; token: string }[] = [];
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_${(++counter).toString(36).padStart(6, '0')}`;

  function savePaymentMethod(token: string): PaymentMethod {
    const card = sandboxCardForToken(token);
    if (!card) throw ProblemError.invalid('paymentMethod', 'Unknown test payment method');
    const method: PaymentMethod = {
      id: nextId('pm'),
      type: 'card',
      isDefault: methods.length === 0,
      card: { ...card.card },
      wallet: null,
      email: null,
    };
    methods.push({ method, token });
    return method;
  }
  for (const token of options.paymentMethods ?? ['pm_card_visa', 'pm_card_mastercard'])
    savePaymentMethod(token);

  /** A saved method's id or a test token → the token whose semantics apply. */
  function resolveToken(paymentMethod: string): { token: string; savedId: string | null } {
    const saved = methods.find(({ method }) => method.id === paymentMethod);
    if (saved) return { token: saved.token, savedId: saved.method.id };
    if (sandboxCardForToken(paymentMethod)) return { token: paymentMethod, savedId: null };
    throw ProblemError.invalid(
      'paymentMethod',
      'Unknown payment method',
      `"${paymentMethod}" is neither a saved payment method nor a Stripe test token.`,
    );
  }

  function settle(record: PurchaseRecord) {
    const { purchase } = record;
    if (purchase.status === 'succeeded') return;
    const pkg = packages.find((p) => p.id === purchase.packageId);
    purchase.transaction = ledger.append({
      type: 'purchase',
      amount: purchase.credits,
      description: `Credit package: ${pkg?.label ?? `${purchase.credits} credits`}`,
      website: null,
      purchaseId: purchase.id,
      createdAt: now().toISOString(),
    });
    purchase.balance = ledger.balance(now());
    purchase.status = 'succeeded';
    purchase.clientSecret = null;
    purchase.failure = null;
    record.settleAt = undefined;
  }

  function succeed(record: PurchaseRecord) {
    const delay = options.webhookDelayMs ?? 0;
    if (delay > 0) {
      record.purchase.status = 'processing';
      record.settleAt = now().getTime() + delay;
    } else {
      settle(record);
    }
  }

  /** Payments whose "webhook" is due get their credits, exactly once. */
  function tick() {
    const time = now().getTime();
    for (const record of purchases.values()) {
      if (record.settleAt !== undefined && record.settleAt <= time) settle(record);
    }
  }

  async function pay(record: PurchaseRecord, paymentMethod: string, save: boolean) {
    const { token, savedId } = resolveToken(paymentMethod);
    const card = sandboxCardForToken(token)!;
    await sleep(options.paymentLatencyMs ?? 0);
    const { purchase } = record;
    purchase.failure = null;
    if (card.outcome.type === 'declined') {
      purchase.status = 'requires_payment_method';
      purchase.failure = {
        code: card.outcome.code,
        message: SANDBOX_FAILURE_MESSAGES[card.outcome.code],
      };
      return;
    }
    if (card.outcome.type === 'requires_action') {
      purchase.status = 'requires_action';
      record.pending = { token, save, paymentMethodId: savedId };
      return;
    }
    purchase.paymentMethodId = savedId ?? (save ? savePaymentMethod(token).id : null);
    succeed(record);
  }

  async function idempotent(
    scope: string,
    key: string | null,
    body: unknown,
    run: () => Promise<BackendResult>,
  ): Promise<BackendResult> {
    requireIdempotencyKey(key);
    const id = `${scope}:${key}`;
    const print = fingerprint(body);
    const existing = idempotency.get(id);
    if (existing) {
      if (existing.fingerprint !== print) throw idempotencyKeyReused();
      if (!existing.result) throw idempotencyInProgress();
      return clone(existing.result);
    }
    const record: IdempotencyRecord = { fingerprint: print };
    idempotency.set(id, record);
    try {
      record.result = await run();
    } catch (error) {
      if (!(error instanceof ProblemError)) {
        idempotency.delete(id);
        throw error;
      }
      record.result = { status: error.status, body: error.toJSON() };
    }
    return clone(record.result);
  }

  function purchaseRecord(id: string): PurchaseRecord {
    const record = purchases.get(id);
    if (!record) throw new ProblemError(404, 'not_found', 'No such purchase');
    return record;
  }

  function setupRecord(id: string): SetupRecord {
    const record = setupIntents.get(id);
    if (!record) throw new ProblemError(404, 'not_found', 'No such setup intent');
    return record;
  }

  function requireSandbox() {
    if (config.mode !== 'test') {
      throw new ProblemError(
        403,
        'sandbox_unavailable',
        'Sandbox unavailable',
        'Sandbox payments exist only in test mode.',
      );
    }
  }

  const listMethods = () => ({
    data: clone(
      [...methods]
        .sort((a, b) => Number(b.method.isDefault) - Number(a.method.isDefault))
        .map((m) => m.method),
    ),
  });

  const ok = (body: unknown, status = 200): BackendResult => ({ status, body: clone(body) });
  const isPastConfirmation = (status: string) =>
    ['succeeded', 'failed', 'canceled', 'processing'].includes(status);

  return {
    config: () => ok(config),
    balance: () => ok(ledger.balance(now())),
    packages: () => ok({ data: packages }),
    paymentMethods: () => ok(listMethods()),

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

    createPurchase(body: unknown, key: string | null) {
      return idempotent('purchase', key, body, async () => {
        const input = parseRequestBody(createPurchaseBodySchema, body);
        const pkg = packages.find((p) => p.id === input.packageId);
        if (!pkg) throw new ProblemError(404, 'not_found', 'No such package');
        const id = nextId('pur');
        const record: PurchaseRecord = {
          purchase: {
            id,
            packageId: pkg.id,
            status: 'requires_payment_method',
            credits: pkg.credits,
            amount: { ...pkg.price },
            clientSecret: `${id}_secret_${counter}`,
            paymentMethodId: null,
            failure: null,
            transaction: null,
            balance: null,
            createdAt: now().toISOString(),
          },
        };
        purchases.set(id, record);
        if (input.paymentMethodId) {
          if (!methods.some(({ method }) => method.id === input.paymentMethodId)) {
            throw new ProblemError(404, 'not_found', 'No such payment method');
          }
          await pay(record, input.paymentMethodId, false);
        }
        return ok(record.purchase, 201);
      });
    },

    getPurchase: (id: string) => ok(purchaseRecord(id).purchase),

    createSetupIntent(key: string | null) {
      return idempotent('setup', key, null, async () => {
        const id = nextId('seti');
        const intent: SetupIntent = {
          id,
          status: 'requires_payment_method',
          clientSecret: `${id}_secret_${counter}`,
          paymentMethod: null,
          failure: null,
        };
        setupIntents.set(id, { intent });
        return ok(intent, 201);
      });
    },

    setDefaultPaymentMethod(id: string) {
      if (!methods.some(({ method }) => method.id === id)) {
        throw new ProblemError(404, 'not_found', 'No such payment method');
      }
      for (const { method } of methods) method.isDefault = method.id === id;
      return ok(listMethods());
    },

    deletePaymentMethod(id: string, newDefaultId?: string) {
      const moveDefaultTo = assertDeletable(
        methods.map(({ method }) => method),
        id,
        newDefaultId,
      );
      const rest = methods.filter(({ method }) => method.id !== id);
      for (const { method } of rest)
        if (moveDefaultTo) method.isDefault = method.id === moveDefaultTo;
      methods = rest;
      return ok(listMethods());
    },

    sandbox: {
      async confirmPurchase(id: string, body: unknown) {
        requireSandbox();
        const input = parseRequestBody(sandboxConfirmBodySchema, body);
        const record = purchaseRecord(id);
        if (!isPastConfirmation(record.purchase.status)) {
          await pay(record, input.paymentMethod, input.savePaymentMethod ?? false);
        }
        return ok(record.purchase);
      },

      authenticatePurchase(id: string, body: unknown) {
        requireSandbox();
        const { outcome } = parseRequestBody(sandboxAuthenticateBodySchema, body);
        const record = purchaseRecord(id);
        const pending = record.pending;
        if (record.purchase.status !== 'requires_action' || !pending) {
          throw new ProblemError(
            409,
            'purchase_not_confirmable',
            'Nothing to authenticate',
            `The purchase is ${record.purchase.status}.`,
          );
        }
        record.pending = undefined;
        if (outcome === 'fail') {
          record.purchase.status = 'requires_payment_method';
          record.purchase.failure = {
            code: 'authentication_failed',
            message: SANDBOX_FAILURE_MESSAGES.authentication_failed,
          };
        } else {
          record.purchase.paymentMethodId =
            pending.paymentMethodId ?? (pending.save ? savePaymentMethod(pending.token).id : null);
          succeed(record);
        }
        return ok(record.purchase);
      },

      async confirmSetupIntent(id: string, body: unknown) {
        requireSandbox();
        const input = parseRequestBody(sandboxConfirmBodySchema, body);
        const record = setupRecord(id);
        const { intent } = record;
        if (intent.status === 'succeeded') return ok(intent);
        const { token } = resolveToken(input.paymentMethod);
        const card = sandboxCardForToken(token)!;
        await sleep(options.paymentLatencyMs ?? 0);
        intent.failure = null;
        if (card.outcome.type === 'declined') {
          intent.status = 'requires_payment_method';
          intent.failure = {
            code: card.outcome.code,
            message: SANDBOX_FAILURE_MESSAGES[card.outcome.code],
          };
        } else if (card.outcome.type === 'requires_action') {
          intent.status = 'requires_action';
          record.pending = token;
        } else {
          intent.paymentMethod = savePaymentMethod(token);
          intent.status = 'succeeded';
        }
        return ok(intent);
      },

      authenticateSetupIntent(id: string, body: unknown) {
        requireSandbox();
        const { outcome } = parseRequestBody(sandboxAuthenticateBodySchema, body);
        const record = setupRecord(id);
        if (record.intent.status !== 'requires_action' || !record.pending) {
          throw new ProblemError(
            409,
            'purchase_not_confirmable',
            'Nothing to authenticate',
            `The setup intent is ${record.intent.status}.`,
          );
        }
        if (outcome === 'fail') {
          record.intent.status = 'requires_payment_method';
          record.intent.failure = {
            code: 'authentication_failed',
            message: SANDBOX_FAILURE_MESSAGES.authentication_failed,
          };
        } else {
          record.intent.paymentMethod = savePaymentMethod(record.pending);
          record.intent.status = 'succeeded';
        }
        record.pending = undefined;
        return ok(record.intent);
      },
    },

    /**
     * Spends credits, as the host's own backend would through the usage API
     * ("Website generation"). Refuses to overdraw unless overdraft is allowed.
     */
    spend(input: {
      credits: number;
      description: string;
      websiteId?: string;
      websiteName?: string;
      websiteUrl?: string;
    }): Transaction {
      if (!Number.isSafeInteger(input.credits) || input.credits <= 0) {
        throw ProblemError.invalid(
          'credits',
          'Invalid amount',
          'credits must be a positive whole number.',
        );
      }
      const website = input.websiteId
        ? {
            id: input.websiteId,
            name: input.websiteName ?? input.websiteId,
            url: input.websiteUrl ?? null,
          }
        : null;
      return clone(
        ledger.append({
          type: 'usage',
          amount: -input.credits,
          description: input.description,
          website,
          purchaseId: null,
          createdAt: now().toISOString(),
        }),
      );
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

    tick,
    /** Direct reads for tests: not part of the contract. */
    inspect: {
      purchases: () => [...purchases.values()].map((record) => clone(record.purchase)),
      transactionCount: () => ledger.size(),
    },
  };
}

export type CreditsBackend = ReturnType<typeof createCreditsBackend>;
