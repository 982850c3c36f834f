import type {
  CreateAdjustmentInput,
  CreateGrantInput,
  CreateHoldInput,
  transactionQuerySchema,
  usageQuerySchema,
  usageSeriesQuerySchema,
} from 'credits-core/server';
import type { SQL } from 'drizzle-orm';
import type * as v from 'valibot';
import { afterCardRemoved } from './autoRecharge/afterCardRemoved.js';
import { readAutoRecharge } from './autoRecharge/autoRechargeDocument.js';
import {
  type ChargeSettings,
  chargePendingRecharges,
} from './autoRecharge/chargePendingRecharges.js';
import { updateAutoRecharge } from './autoRecharge/updateAutoRecharge.js';
import type { Database } from './data/createDatabase.js';
import { ledgerRowsBetween, ledgerSeq } from './data/eventsData.js';
import { type Executor, rows } from './data/rows.js';
import { adjustCredits, grantCredits } from './ledger/grants.js';
import { transactionPage } from './ledger/history.js';
import { captureHold, createHold, expireHolds, releaseHold } from './ledger/holds.js';
import {
  appendLedger,
  balance,
  balanceAt,
  ensureAccount,
  refusal,
  spendOnce,
} from './ledger/ledger.js';
import { type NewLedgerRow, toTransaction } from './ledger/ledgerEntry.js';
import { expireLots, sweepExpiredLots } from './ledger/lots.js';
import { usageByWebsite, usageSeries } from './ledger/usage.js';
import {
  deletePaymentMethod,
  listMethods,
  saveDemoCard,
  savePaymentMethod,
  setDefaultPaymentMethod,
} from './paymentMethods/cards.js';
import {
  createSetupIntent,
  sandboxAuthenticateSetupIntent,
  sandboxConfirmSetupIntent,
} from './paymentMethods/setupIntents.js';
import { grant } from './purchases/purchaseRecords.js';
import { createPurchase, getPurchase, type PurchaseInput } from './purchases/purchases.js';
import {
  sandboxAuthenticatePurchase,
  sandboxConfirmPurchase,
} from './purchases/sandboxPurchases.js';
import { requireSandbox } from './purchases/sandboxRules.js';
import { settleDue } from './purchases/simulatedGateway.js';
import { createServiceContext, type ServiceOptions } from './serviceContext.js';
import { reconcile } from './stripe/reconcile.js';
import { handleStripeEvent } from './stripe/stripeWebhooks.js';
import type { StripeEvent } from './stripe/takeBack.js';

export { PACKAGES } from './purchases/purchaseRecords.js';
export type { NewLedgerRow, ServiceOptions };

/**
 * The contract's behaviour on PostgreSQL, one domain per folder: the ledger (every balance
 * change and its row in one statement under the account's row lock), purchases (credited
 * exactly once, statuses only forward), payment methods (one default), Stripe (sync, webhooks,
 * reconciliation); SQL only in data/. This binds them to one database and one set of options.
 */
export function createCreditsService(db: Database, options: ServiceOptions = {}) {
  const ctx = createServiceContext(db, options);
  return {
    mode: ctx.mode,
    stripeEnabled: Boolean(ctx.stripe),
    handleStripeEvent: (event: StripeEvent) => handleStripeEvent(ctx, event),
    /** Any statement: for the data layer's own stores (Idempotency-Keys, rate limits) and tests. */
    rows: (query: SQL) => rows(db, query),
    transaction: <T>(run: (tx: Executor) => Promise<T>) => db.transaction((tx) => run(tx)),
    ensureAccount: (account: string) => ensureAccount(ctx, account),
    appendLedger: (executor: Executor, account: string, entry: NewLedgerRow) =>
      appendLedger(ctx, executor, account, entry),
    spendOnce: (
      account: string,
      record: { scope: string; key: string; fingerprint: string },
      entry: Omit<NewLedgerRow, 'type' | 'purchaseId'>,
    ) => spendOnce(ctx, account, record, entry),
    refusal: (account: string, amount: number, executor?: Executor) =>
      refusal(ctx, account, amount, executor),
    balance: (account: string, executor?: Executor) => balance(ctx, account, executor),
    /** The balance with the ledger `seq` it is at, from one read (live `balance` events). */
    balanceAt: (account: string) => balanceAt(ctx, account),
    toTransaction,
    /** The live stream's reads (src/live): the ledger's seq, and the rows of a resume. */
    ledgerSeq: (account: string) => ledgerSeq(db, account),
    ledgerRowsBetween: (account: string, afterSeq: number, upToSeq: number) =>
      ledgerRowsBetween(db, account, afterSeq, upToSeq),
    transactionPage: (
      account: string,
      params: v.InferOutput<typeof transactionQuerySchema>,
      size: number,
    ) => transactionPage(db, account, params, size),
    usageByWebsite: (
      account: string,
      params: v.InferOutput<typeof usageQuerySchema>,
      size: number,
    ) => usageByWebsite(db, account, params, size),
    usageSeries: (account: string, params: v.InferOutput<typeof usageSeriesQuerySchema>) =>
      usageSeries(db, account, params),
    settleDue: (account: string) => settleDue(ctx, account),
    /** Server API: holds lapse when due; credits held, captured, released, granted, adjusted. */
    expireHolds: (account: string) => expireHolds(ctx, account),
    /** Lapsed credit lots: one account's (true if any was due), or every account's, a batch at a time. */
    expireLots: (account: string) => expireLots(ctx, account),
    sweepExpiredLots: (batch?: number) => sweepExpiredLots(ctx, batch),
    createHold: (account: string, input: CreateHoldInput, key: string) =>
      createHold(ctx, account, input, key),
    captureHold: (account: string, id: string, credits: number) =>
      captureHold(ctx, account, id, credits),
    releaseHold: (account: string, id: string) => releaseHold(ctx, account, id),
    grantCredits: (account: string, input: CreateGrantInput, key: string) =>
      grantCredits(ctx, account, input, key),
    adjustCredits: (account: string, input: CreateAdjustmentInput, key: string) =>
      adjustCredits(ctx, account, input, key),
    listMethods: (account: string) => listMethods(ctx, account),
    savePaymentMethod: (account: string, token: string, executor?: Executor) =>
      savePaymentMethod(ctx, account, token, executor),
    grant: (account: string, purchaseId: string) => grant(ctx, account, purchaseId),
    createPurchase: (account: string, input: PurchaseInput, idempotencyKey?: string) =>
      createPurchase(ctx, account, input, idempotencyKey),
    getPurchase: (account: string, id: string) => getPurchase(ctx, account, id),
    sandboxConfirmPurchase: (
      account: string,
      id: string,
      input: { paymentMethod: string; savePaymentMethod?: boolean },
    ) => sandboxConfirmPurchase(ctx, account, id, input),
    sandboxAuthenticatePurchase: (account: string, id: string, outcome: 'complete' | 'fail') =>
      sandboxAuthenticatePurchase(ctx, account, id, outcome),
    createSetupIntent: (account: string, idempotencyKey?: string) =>
      createSetupIntent(ctx, account, idempotencyKey),
    sandboxConfirmSetupIntent: (account: string, id: string, paymentMethod: string) =>
      sandboxConfirmSetupIntent(ctx, account, id, paymentMethod),
    sandboxAuthenticateSetupIntent: (account: string, id: string, outcome: 'complete' | 'fail') =>
      sandboxAuthenticateSetupIntent(ctx, account, id, outcome),
    setDefaultPaymentMethod: (account: string, id: string) =>
      setDefaultPaymentMethod(ctx, account, id),
    deletePaymentMethod: async (account: string, id: string, newDefaultId?: string) => {
      const left = await deletePaymentMethod(ctx, account, id, newDefaultId);
      await afterCardRemoved(ctx, account, id, left.data.length);
      return left;
    },
    /** Auto-recharge (src/autoRecharge): the document, its settings, and the off-session charges. */
    getAutoRecharge: (account: string) => readAutoRecharge(ctx, account),
    updateAutoRecharge: (account: string, body: unknown) => updateAutoRecharge(ctx, account, body),
    chargeAutoRecharges: (settings: ChargeSettings) => chargePendingRecharges(ctx, settings),
    /** A demo card for a new account (SEED_DEMO, test mode only): at Stripe, or saved locally. */
    saveDemoCard: (account: string, token: string) => {
      requireSandbox(ctx);
      return saveDemoCard(ctx, account, token);
    },
    reconcile: (settings: { minAgeMs: number; leaseMs: number; batch?: number }) =>
      reconcile(ctx, settings),
    /** Stops the simulated webhooks still pending. */
    dispose() {
      for (const timer of ctx.timers) clearTimeout(timer);
      ctx.timers.clear();
    },
  };
}

export type CreditsService = ReturnType<typeof createCreditsService>;
