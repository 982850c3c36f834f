import {
  type CreditPackage,
  createPurchaseBodySchema,
  type Purchase,
  sandboxAuthenticateBodySchema,
  sandboxConfirmBodySchema,
} from 'credits-core';
import { SANDBOX_FAILURE_MESSAGES, sandboxCardForToken } from 'credits-core/sandbox';
import { ProblemError, parseRequestBody } from 'credits-core/server';
import type { Ledger } from '../createLedger.js';
import { clone, type Idempotent, ok } from './createIdempotency.js';
import type { PaymentMethodsStore } from './createPaymentMethodsStore.js';

interface PurchaseRecord {
  purchase: Purchase;
  /** A 3D Secure challenge waiting: the token and whether to save it. */
  pending?: { token: string; save: boolean; paymentMethodId: string | null };
  /** When a `processing` payment "arrives" (the webhook). */
  settleAt?: number;
}

export interface PurchasesSettings {
  packages: readonly CreditPackage[];
  ledger: Ledger;
  methods: PaymentMethodsStore;
  idempotent: Idempotent;
  now: () => Date;
  nextId: (prefix: string) => string;
  requireSandbox: () => void;
  webhookDelayMs?: number;
  paymentLatencyMs?: number;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Purchases: credited exactly once, statuses only forward, sandbox tokens as Stripe's test cards. */
export function createPurchasesStore(settings: PurchasesSettings) {
  const { packages, ledger, methods, now, nextId } = settings;
  const purchases = new Map<string, PurchaseRecord>();

  function settle(record: PurchaseRecord) {
    const { purchase } = record;
    if (purchase.status === 'succeeded') return;
    const pkg = packages.find((p) => p.id === purchase.packageId);
    const auto = purchase.origin === 'auto_recharge';
    purchase.transaction = ledger.append({
      type: 'purchase',
      amount: purchase.credits,
      description: auto
        ? `Auto-recharge: ${purchase.credits.toLocaleString('en-US')} credits`
        : `Credit package: ${pkg?.label ?? `${purchase.credits} credits`}`,
      ...(auto ? { autoRecharge: true } : {}),
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
    const delay = settings.webhookDelayMs ?? 0;
    if (delay > 0) {
      record.purchase.status = 'processing';
      record.settleAt = now().getTime() + delay;
    } else {
      settle(record);
    }
  }

  async function pay(record: PurchaseRecord, paymentMethod: string, save: boolean) {
    const { token, savedId } = methods.resolveToken(paymentMethod);
    const card = sandboxCardForToken(token)!;
    await sleep(settings.paymentLatencyMs ?? 0);
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
    purchase.paymentMethodId = savedId ?? (save ? methods.save(token).id : null);
    succeed(record);
  }

  function purchaseRecord(id: string): PurchaseRecord {
    const record = purchases.get(id);
    if (!record) throw new ProblemError(404, 'not_found', 'No such purchase');
    return record;
  }

  /** A new purchase of `pkg`, kept under its id. */
  function open(pkg: CreditPackage, fields: Pick<Purchase, 'status'> & Partial<Purchase>) {
    const id = nextId('pur');
    const record: PurchaseRecord = {
      purchase: {
        id,
        packageId: pkg.id,
        credits: pkg.credits,
        amount: { ...pkg.price },
        clientSecret: `${id}_secret_${id.slice(4)}`,
        paymentMethodId: null,
        failure: null,
        transaction: null,
        balance: null,
        createdAt: now().toISOString(),
        ...fields,
      },
    };
    purchases.set(id, record);
    return record;
  }

  const isPastConfirmation = (status: string) =>
    ['succeeded', 'failed', 'canceled', 'processing'].includes(status);

  return {
    /** Payments whose "webhook" is due get their credits, exactly once. */
    tick() {
      const time = now().getTime();
      for (const record of purchases.values()) {
        if (record.settleAt !== undefined && record.settleAt <= time) settle(record);
      }
    },

    /**
     * An auto-recharge: a purchase of `pkg` charged off-session to the saved `paymentMethodId`
     * (Stripe's `off_session: true, confirm: true`), answered once the "charge" is known.
     */
    async createOffSession(pkg: CreditPackage, paymentMethodId: string): Promise<Purchase> {
      const record = open(pkg, {
        status: 'requires_confirmation',
        paymentMethodId,
        origin: 'auto_recharge',
      });
      await pay(record, paymentMethodId, false);
      // Stripe's off-session decline: the PaymentIntent keeps the card, with last_payment_error.
      if (record.purchase.status === 'requires_payment_method') record.purchase.clientSecret = null;
      return record.purchase;
    },

    create(body: unknown, key: string | null) {
      return settings.idempotent('purchase', key, body, async () => {
        const input = parseRequestBody(createPurchaseBodySchema, body);
        const pkg = packages.find((p) => p.id === input.packageId);
        if (!pkg) throw new ProblemError(404, 'not_found', 'No such package');
        const record = open(pkg, { status: 'requires_payment_method' });
        if (input.paymentMethodId) {
          if (!methods.has(input.paymentMethodId)) {
            throw new ProblemError(404, 'not_found', 'No such payment method');
          }
          await pay(record, input.paymentMethodId, false);
        }
        return ok(record.purchase, 201);
      });
    },

    get: (id: string) => ok(purchaseRecord(id).purchase),

    async sandboxConfirm(id: string, body: unknown) {
      settings.requireSandbox();
      const input = parseRequestBody(sandboxConfirmBodySchema, body);
      const record = purchaseRecord(id);
      if (!isPastConfirmation(record.purchase.status)) {
        await pay(record, input.paymentMethod, input.savePaymentMethod ?? false);
      }
      return ok(record.purchase);
    },

    sandboxAuthenticate(id: string, body: unknown) {
      settings.requireSandbox();
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
          pending.paymentMethodId ?? (pending.save ? methods.save(pending.token).id : null);
        succeed(record);
      }
      return ok(record.purchase);
    },

    all: () => [...purchases.values()].map((record) => clone(record.purchase)),
  };
}
