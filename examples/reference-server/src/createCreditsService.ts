import { randomUUID } from 'node:crypto';
import type {
  Balance,
  CreditPackage,
  PaymentMethod,
  Purchase,
  SetupIntent,
  Transaction,
} from 'credits-core';
import {
  SANDBOX_FAILURE_MESSAGES,
  SANDBOX_PACKAGES,
  sandboxCardForToken,
} from 'credits-core/sandbox';
import { type SQL, sql } from 'drizzle-orm';
import type Stripe from 'stripe';
import { assertDeletable } from './assertDeletable.js';
import type { Database } from './createDatabase.js';
import { createReadCache } from './createReadCache.js';
import {
  failureOf,
  purchaseStatus,
  type StripeClient,
  toPaymentMethod,
} from './createStripeGateway.js';
import { ProblemError } from './ProblemError.js';
import { isFinal, OPEN_STATUSES, statusesBefore } from './purchaseStatuses.js';

type Executor = Pick<Database, 'execute'>;
type Row = Record<string, unknown>;

async function rows(executor: Executor, query: SQL): Promise<Row[]> {
  const result = (await executor.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

const newId = (prefix: string, length: number) =>
  `${prefix}${randomUUID().replace(/-/g, '').slice(0, length)}`;

/** A ledger row as the contract's Transaction. Key order matters: it is the stored response's. */
function ledgerEntry(
  id: string,
  createdAt: Date | string,
  entry: NewLedgerRow,
  balanceAfter: number,
): Transaction {
  return {
    id,
    createdAt: typeof createdAt === 'string' ? createdAt : createdAt.toISOString(),
    type: entry.type,
    description: entry.description,
    amount: entry.amount,
    balanceAfter,
    website: entry.websiteId
      ? {
          id: entry.websiteId,
          name: entry.websiteName ?? entry.websiteId,
          url: entry.websiteUrl ?? null,
        }
      : null,
    purchaseId: entry.purchaseId ?? null,
  };
}

const num = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const iso = (value: unknown) => new Date(value as string).toISOString();

/**
 * The server's package table: a purchase's amount always comes from here, never from the
 * client. The reference server sells the sandbox catalog; a real backend keeps its own.
 */
export const PACKAGES: readonly CreditPackage[] = SANDBOX_PACKAGES;

export interface ServiceOptions {
  mode?: 'test' | 'live';
  /** A paid purchase stays `processing` this long, then the simulated webhook credits it. */
  webhookDelayMs?: number;
  now?: () => Date;
  /** With Stripe, payments go through PaymentIntents; without it, through the simulated gateway. */
  stripe?: StripeClient;
  /**
   * How long one read of an account's cards or a purchase's PaymentIntent at Stripe serves every
   * request for it (createReadCache). Default 1 000 ms.
   */
  stripeReadCacheMs?: number;
}

/** At most this many cards of one account are read from Stripe (10 pages of 100). */
const MAX_CARDS = 1_000;

export type NewLedgerRow = {
  type: string;
  amount: number;
  description: string;
  websiteId?: string | null;
  websiteName?: string | null;
  websiteUrl?: string | null;
  purchaseId?: string | null;
  /** The Stripe event that made the row (refunds, disputes): unique across the ledger. */
  externalId?: string | null;
  createdAt?: Date;
};

/**
 * The contract's behaviour on PostgreSQL: every balance change and its ledger
 * row in one transaction under a row lock on the account; purchases credited
 * exactly once; idempotency keys stored with fingerprint and response.
 */
export function createCreditsService(db: Database, options: ServiceOptions = {}) {
  const now = options.now ?? (() => new Date());
  const mode = options.mode ?? 'test';
  const timers = new Set<ReturnType<typeof setTimeout>>();

  // Accounts are never deleted: once one is known to exist, every later request skips the INSERT.
  const knownAccounts = new Set<string>();

  async function ensureAccount(account: string): Promise<boolean> {
    if (knownAccounts.has(account)) return false;
    const created = await rows(
      db,
      sql`INSERT INTO accounts (id) VALUES (${account}) ON CONFLICT (id) DO NOTHING RETURNING id`,
    );
    knownAccounts.add(account);
    return created.length > 0;
  }

  /** Why a debit moved nothing: no such account, or a usage the balance cannot cover. */
  async function refusal(
    account: string,
    amount: number,
    executor: Executor = db,
  ): Promise<ProblemError> {
    const [current] = await rows(
      executor,
      sql`SELECT total - used AS available FROM accounts WHERE id = ${account}`,
    );
    if (!current) return new ProblemError(404, 'not_found', 'No such account');
    return new ProblemError(
      402,
      'insufficient_credits',
      'Not enough credits',
      `This needs ${-amount} credits; ${Number(current.available)} are available.`,
    );
  }

  /**
   * Appends one ledger row and moves the balance, atomically, in one statement: inside a
   * transaction (with other writes) or on its own.
   */
  async function appendLedger(
    executor: Executor,
    account: string,
    entry: NewLedgerRow,
  ): Promise<Transaction> {
    const id = newId('txn_', 20);
    const createdAt = entry.createdAt ?? now();
    const isUsage = entry.type === 'usage';
    // The UPDATE locks the account row (until the transaction ends) and, if it had to wait
    // for another writer, re-checks its WHERE on the row that writer committed: the balance
    // check, the next seq and balance_after all come from the latest balance. One round trip
    // instead of SELECT … FOR UPDATE + INSERT + UPDATE, so a busy account's lock is held for
    // the statement alone, not across the network.
    const [row] = await rows(
      executor,
      sql`WITH moved AS (
        UPDATE accounts SET
          total = total + ${isUsage ? 0 : entry.amount}, used = used - ${isUsage ? entry.amount : 0},
          seq = seq + 1, updated_at = ${createdAt.toISOString()}
        WHERE id = ${account}
          ${isUsage ? sql`AND (overdraft_allowed OR total - used + ${entry.amount} >= 0)` : sql``}
        RETURNING seq, total - used AS balance_after)
      INSERT INTO transactions
        (account_id, seq, id, created_at, type, description, amount, balance_after, website_id, website_name, website_url, purchase_id, external_id)
      SELECT ${account}, seq, ${id}, ${createdAt.toISOString()}::timestamptz, ${entry.type}, ${entry.description}, ${entry.amount}::bigint,
        balance_after, ${entry.websiteId ?? null}, ${entry.websiteName ?? null}, ${entry.websiteUrl ?? null}, ${entry.purchaseId ?? null},
        ${entry.externalId ?? null}
      FROM moved
      RETURNING balance_after`,
    );
    if (!row) throw await refusal(account, entry.amount, executor);
    return ledgerEntry(id, createdAt, entry, Number(row.balance_after));
  }

  /**
   * A usage debit and its Idempotency-Key record in one statement — one transaction, one round
   * trip: the account UPDATE (row lock, balance check, next seq), the ledger row, and the key
   * stored `done` with the response. All of it commits or none of it, so no failure can leave
   * a debit without its key (a retry would debit again) or a key without its debit.
   *
   * A key this account already used in this scope aborts the whole statement with a unique
   * violation (23505), nothing debited: the caller then answers from the stored key. A second
   * request with the same key while the first is in flight waits on the account row lock, then
   * hits that violation. Undefined when nothing moved (not enough credits, or no such account).
   */
  async function spendOnce(
    account: string,
    record: { scope: string; key: string; fingerprint: string },
    entry: Omit<NewLedgerRow, 'type' | 'purchaseId'>,
  ): Promise<Transaction | undefined> {
    const id = newId('txn_', 20);
    const createdAt = (entry.createdAt ?? now()).toISOString();
    const usage = { ...entry, type: 'usage' };
    // The stored response is the JSON of the returned row; only balanceAfter comes from the database.
    const [head, tail] = JSON.stringify(ledgerEntry(id, createdAt, usage, 0)).split(
      '"balanceAfter":0,',
    );
    const [row] = await rows(
      db,
      sql`WITH moved AS (
        UPDATE accounts SET used = used - ${entry.amount}, seq = seq + 1, updated_at = ${createdAt}
        WHERE id = ${account} AND (overdraft_allowed OR total - used + ${entry.amount} >= 0)
        RETURNING seq, total - used AS balance_after),
      entry AS (
        INSERT INTO transactions
          (account_id, seq, id, created_at, type, description, amount, balance_after, website_id, website_name, website_url)
        SELECT ${account}, seq, ${id}, ${createdAt}::timestamptz, 'usage', ${entry.description}, ${entry.amount}::bigint,
          balance_after, ${entry.websiteId ?? null}, ${entry.websiteName ?? null}, ${entry.websiteUrl ?? null}
        FROM moved
        RETURNING balance_after),
      stored AS (
        INSERT INTO idempotency_keys (account_id, scope, key, fingerprint, state, status_code, response, locked_at)
        SELECT ${account}, ${record.scope}, ${record.key}, ${record.fingerprint}, 'done', 201,
          ${`${head}"balanceAfter":`}::text || balance_after::text || ${`,${tail}`}::text, NULL
        FROM entry)
      SELECT balance_after FROM entry`,
    );
    return row ? ledgerEntry(id, createdAt, usage, Number(row.balance_after)) : undefined;
  }

  async function balance(account: string, executor: Executor = db): Promise<Balance> {
    const [row] = await rows(
      executor,
      sql`SELECT total, used, overdraft_allowed, low_balance_threshold, updated_at FROM accounts WHERE id = ${account}`,
    );
    if (!row) throw new ProblemError(404, 'not_found', 'No such account');
    const total = Number(row.total);
    const used = Number(row.used);
    return {
      total,
      used,
      available: total - used,
      // The account's own permission to overdraw, or a balance a refund or dispute took below
      // zero (the contract allows a negative `available` only with overdraftAllowed). Only the
      // column lets usage overdraw: the debits check it, never this.
      overdraftAllowed: Boolean(row.overdraft_allowed) || total - used < 0,
      lowBalanceThreshold: num(row.low_balance_threshold),
      expiring: [],
      updatedAt: iso(row.updated_at),
    };
  }

  const toTransaction = (row: Row): Transaction => ({
    id: String(row.id),
    createdAt: iso(row.created_at),
    type: String(row.type),
    description: String(row.description),
    amount: Number(row.amount),
    balanceAfter: Number(row.balance_after),
    website: row.website_id
      ? {
          id: String(row.website_id),
          name: String(row.website_name ?? row.website_id),
          url: (row.website_url as string | null) ?? null,
        }
      : null,
    purchaseId: (row.purchase_id as string | null) ?? null,
  });

  async function toPurchase(row: Row): Promise<Purchase> {
    let transaction: Transaction | null = null;
    if (row.transaction_id) {
      const [found] = await rows(
        db,
        sql`SELECT * FROM transactions WHERE id = ${row.transaction_id as string}`,
      );
      transaction = found ? toTransaction(found) : null;
    }
    const total = num(row.balance_total);
    const used = num(row.balance_used);
    return {
      id: String(row.id),
      packageId: String(row.package_id),
      status: String(row.status),
      credits: Number(row.credits),
      amount: { amount: Number(row.amount), currency: String(row.currency) },
      clientSecret: (row.client_secret as string | null) ?? null,
      paymentMethodId: (row.payment_method_id as string | null) ?? null,
      failure: row.failure_code
        ? { code: String(row.failure_code), message: String(row.failure_message ?? '') }
        : null,
      transaction,
      balance:
        transaction && total !== null && used !== null
          ? {
              total,
              used,
              available: total - used,
              overdraftAllowed: total - used < 0,
              lowBalanceThreshold: null,
              expiring: [],
              updatedAt: transaction.createdAt,
            }
          : null,
      createdAt: iso(row.created_at),
    };
  }

  async function purchaseRow(account: string, id: string): Promise<Row> {
    const [row] = await rows(
      db,
      sql`SELECT * FROM purchases WHERE id = ${id} AND account_id = ${account}`,
    );
    if (!row) throw new ProblemError(404, 'not_found', 'No such purchase');
    return row;
  }

  /** Moves a purchase to `target` if its status allows it (purchaseStatuses.ts); true if it moved. */
  async function movePurchase(
    executor: Executor,
    purchaseId: string,
    target: string,
    fields: SQL,
    from: readonly string[] = statusesBefore(target),
  ): Promise<boolean> {
    const moved = await rows(
      executor,
      sql`UPDATE purchases SET status = ${target}, ${fields} WHERE id = ${purchaseId}
        AND status IN (${sql.join(
          from.map((status) => sql`${status}`),
          sql`, `,
        )}) RETURNING id`,
    );
    return moved.length > 0;
  }

  /**
   * Credits a paid purchase — exactly once, whoever calls first (the webhook, a poll, the
   * reconciliation): under a row lock, and only from a status that may still succeed.
   */
  async function grant(account: string, purchaseId: string): Promise<void> {
    await db.transaction(async (tx) => {
      const [row] = await rows(
        tx,
        sql`SELECT * FROM purchases WHERE id = ${purchaseId} FOR UPDATE`,
      );
      if (!row || !statusesBefore('succeeded').includes(String(row.status))) return;
      const pkg = PACKAGES.find((p) => p.id === row.package_id);
      const entry = await appendLedger(tx, account, {
        type: 'purchase',
        amount: Number(row.credits),
        description: `Credit package: ${pkg?.label ?? `${row.credits} credits`}`,
        purchaseId,
      });
      const after = await balance(account, tx);
      await tx.execute(sql`UPDATE purchases SET status = 'succeeded', client_secret = NULL, failure_code = NULL, failure_message = NULL,
        settle_at = NULL, pending_token = NULL, transaction_id = ${entry.id}, balance_total = ${after.total}, balance_used = ${after.used} WHERE id = ${purchaseId}`);
    });
  }

  /**
   * The simulated gateway's "payment succeeded": the purchase moves to `processing` (from
   * `from`) and only the request that moved it saves the card, if asked; credited now, or
   * when the simulated webhook is due.
   */
  async function paid(
    account: string,
    purchaseId: string,
    card: { token: string; savedId: string | null; save: boolean },
    from: readonly string[] = OPEN_STATUSES,
  ): Promise<void> {
    const delay = options.webhookDelayMs ?? 0;
    const settleAt = new Date(now().getTime() + Math.max(delay, 0)).toISOString();
    const won = await db.transaction(async (tx) => {
      const moved = await movePurchase(
        tx,
        purchaseId,
        'processing',
        sql`failure_code = NULL, failure_message = NULL, pending_token = NULL, settle_at = ${settleAt}`,
        from,
      );
      if (!moved) return false;
      const methodId =
        card.savedId ?? (card.save ? await savePaymentMethod(account, card.token, tx) : null);
      await tx.execute(
        sql`UPDATE purchases SET payment_method_id = ${methodId} WHERE id = ${purchaseId}`,
      );
      return true;
    });
    if (!won) return;
    if (delay <= 0) return grant(account, purchaseId);
    const timer = setTimeout(() => {
      timers.delete(timer);
      void grant(account, purchaseId).catch(() => {});
    }, delay);
    timers.add(timer);
  }

  /**
   * Saves a sandbox card. The account's first card becomes its default; the partial unique
   * index `payment_methods_one_default` keeps it to one default however many saves race.
   */
  async function savePaymentMethod(
    account: string,
    token: string,
    executor: Executor = db,
  ): Promise<string> {
    const card = sandboxCardForToken(token);
    if (!card) throw new ProblemError(400, 'validation_failed', 'Unknown test payment method');
    const id = `pm_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const insert = (isDefault: boolean) =>
      rows(
        executor,
        sql`INSERT INTO payment_methods (id, account_id, token, brand, last4, exp_month, exp_year, is_default)
        VALUES (${id}, ${account}, ${token}, ${card.card.brand}, ${card.card.last4}, ${card.card.expMonth}, ${card.card.expYear}, ${isDefault})
        ON CONFLICT (account_id) WHERE is_default DO NOTHING RETURNING id`,
      );
    if ((await insert(true)).length === 0) await insert(false);
    return id;
  }

  /**
   * The card a sandbox confirmation names: one of the account's saved cards, or a Stripe test
   * token. Anything else (another account's card included) is refused before it reaches the
   * gateway or Stripe.
   */
  async function resolveToken(
    account: string,
    paymentMethod: string,
  ): Promise<{ token: string; savedId: string | null }> {
    if (sandboxCardForToken(paymentMethod)) return { token: paymentMethod, savedId: null };
    if (stripe) {
      if (await ownsStripeMethod(account, paymentMethod))
        return { token: paymentMethod, savedId: paymentMethod };
    } else {
      const [saved] = await rows(
        db,
        sql`SELECT id, token FROM payment_methods WHERE id = ${paymentMethod} AND account_id = ${account}`,
      );
      if (saved) return { token: String(saved.token), savedId: String(saved.id) };
    }
    throw new ProblemError(
      400,
      'validation_failed',
      'Unknown payment method',
      `"${paymentMethod}" is neither a saved payment method nor a Stripe test token.`,
    );
  }

  /** The simulated gateway: Stripe's test tokens, with Stripe's semantics. */
  async function pay(
    account: string,
    purchaseId: string,
    paymentMethod: string,
    save: boolean,
  ): Promise<void> {
    const { token, savedId } = await resolveToken(account, paymentMethod);
    const outcome = sandboxCardForToken(token)!.outcome;
    if (outcome.type === 'declined') {
      await movePurchase(
        db,
        purchaseId,
        'requires_payment_method',
        sql`failure_code = ${outcome.code}, failure_message = ${SANDBOX_FAILURE_MESSAGES[outcome.code]}, pending_token = NULL`,
      );
      return;
    }
    if (outcome.type === 'requires_action') {
      await movePurchase(
        db,
        purchaseId,
        'requires_action',
        sql`failure_code = NULL, failure_message = NULL, pending_token = ${token}, pending_save = ${save}, payment_method_id = ${savedId}`,
      );
      return;
    }
    await paid(account, purchaseId, { token, savedId, save });
  }

  async function settleDue(account: string): Promise<void> {
    const due = await rows(
      db,
      sql`SELECT id FROM purchases WHERE account_id = ${account} AND status = 'processing' AND settle_at <= ${now().toISOString()}`,
    );
    for (const row of due) await grant(account, String(row.id));
  }

  async function listMethods(account: string): Promise<{ data: PaymentMethod[] }> {
    if (options.stripe) return stripeMethods(account);
    const found = await rows(
      db,
      sql`SELECT * FROM payment_methods WHERE account_id = ${account} ORDER BY is_default DESC, created_at ASC, id ASC`,
    );
    return {
      data: found.map((row) => ({
        id: String(row.id),
        type: 'card',
        isDefault: Boolean(row.is_default),
        card: {
          brand: String(row.brand),
          last4: String(row.last4),
          expMonth: Number(row.exp_month),
          expYear: Number(row.exp_year),
        },
        wallet: null,
        email: null,
      })),
    };
  }

  const toSetupIntent = async (account: string, row: Row): Promise<SetupIntent> => ({
    id: String(row.id),
    status: String(row.status),
    clientSecret: String(row.client_secret),
    paymentMethod: row.payment_method_id
      ? ((await listMethods(account)).data.find((method) => method.id === row.payment_method_id) ??
        null)
      : null,
    failure: row.failure_code
      ? { code: String(row.failure_code), message: String(row.failure_message ?? '') }
      : null,
  });

  async function setupRow(account: string, id: string): Promise<Row> {
    const [row] = await rows(
      db,
      sql`SELECT * FROM setup_intents WHERE id = ${id} AND account_id = ${account}`,
    );
    if (!row) throw new ProblemError(404, 'not_found', 'No such setup intent');
    return row;
  }

  /** Serialises changes to an account's cards (the default above all) behind its row lock. */
  async function lockAccount(tx: Executor, account: string) {
    await tx.execute(sql`SELECT id FROM accounts WHERE id = ${account} FOR UPDATE`);
  }

  /** Makes `id` the account's default: the old one is cleared first (one default, by index). */
  async function moveDefault(tx: Executor, account: string, id: string) {
    await tx.execute(
      sql`UPDATE payment_methods SET is_default = false WHERE account_id = ${account} AND is_default AND id <> ${id}`,
    );
    await tx.execute(
      sql`UPDATE payment_methods SET is_default = true WHERE account_id = ${account} AND id = ${id}`,
    );
  }

  /** A sandbox SetupIntent succeeds once: only the confirmation that moves it saves the card. */
  async function setupSucceeded(account: string, id: string, token: string, from: string[]) {
    await db.transaction(async (tx) => {
      const moved = await rows(
        tx,
        sql`UPDATE setup_intents SET status = 'succeeded', pending_token = NULL, failure_code = NULL, failure_message = NULL
          WHERE id = ${id} AND status IN (${sql.join(
            from.map((status) => sql`${status}`),
            sql`, `,
          )}) RETURNING id`,
      );
      if (moved.length === 0) return;
      const methodId = await savePaymentMethod(account, token, tx);
      await tx.execute(
        sql`UPDATE setup_intents SET payment_method_id = ${methodId} WHERE id = ${id}`,
      );
    });
  }

  const authenticateWithStripeJs = (what: string) =>
    new ProblemError(
      409,
      'purchase_not_confirmable',
      'Authenticate with Stripe.js',
      `The ${what} waits for 3D Secure, which the customer completes in the browser (Stripe.js handleNextAction); this answers once Stripe has the outcome.`,
    );

  function requireSandbox() {
    if (mode !== 'test')
      throw new ProblemError(
        403,
        'sandbox_unavailable',
        'Sandbox unavailable',
        'Sandbox payments exist only in test mode.',
      );
  }

  const stripe = options.stripe;

  async function ensureCustomer(account: string): Promise<string> {
    const [row] = await rows(
      db,
      sql`SELECT stripe_customer_id FROM accounts WHERE id = ${account}`,
    );
    if (row?.stripe_customer_id) return String(row.stripe_customer_id);
    const customer = await stripe!.customers.create(
      { metadata: { account } },
      { idempotencyKey: `customer:${account}` },
    );
    await db.execute(
      sql`UPDATE accounts SET stripe_customer_id = ${customer.id} WHERE id = ${account}`,
    );
    return customer.id;
  }

  /**
   * Mirrors a PaymentIntent onto its purchase, forward only (purchaseStatuses.ts): a succeeded
   * one is credited (exactly once); a stale or late answer never moves a purchase back.
   */
  async function syncIntent(account: string, purchaseId: string, intent: Stripe.PaymentIntent) {
    if (intent.status === 'succeeded') return grant(account, purchaseId);
    const failure = failureOf(intent.last_payment_error);
    await movePurchase(
      db,
      purchaseId,
      purchaseStatus(intent.status),
      sql`client_secret = ${intent.client_secret ?? null}, failure_code = ${failure?.code ?? null}, failure_message = ${failure?.message ?? null}`,
    );
  }

  /** A SetupIntent's state onto its row; `succeeded` is final. The card is Stripe's to keep. */
  async function syncSetup(account: string, intent: Stripe.SetupIntent) {
    const failure = failureOf(intent.last_setup_error);
    const methodId = idOf(intent.payment_method) ?? null;
    await db.execute(sql`UPDATE setup_intents SET status = ${intent.status}, failure_code = ${failure?.code ?? null},
      failure_message = ${failure?.message ?? null}, payment_method_id = ${methodId}
      WHERE id = ${intent.id} AND account_id = ${account} AND status <> 'succeeded'`);
    if (intent.status === 'succeeded') cards.forget(account);
  }

  /**
   * Runs a Stripe call that confirms or reads an intent and answers with the intent as Stripe
   * has it afterwards: a decline is a 402 carrying the intent (https://docs.stripe.com/api/errors),
   * an intent that can no longer be confirmed (a concurrent confirmation won) is read again.
   */
  async function settledIntent<T extends Stripe.PaymentIntent | Stripe.SetupIntent>(
    call: () => Promise<T>,
    reread: () => Promise<T>,
  ): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const failed = error as Stripe.errors.StripeError;
      const carried = (failed.payment_intent ?? failed.setup_intent) as T | undefined;
      if (failed.type === 'StripeCardError' && carried) return carried;
      if (
        failed.code === 'payment_intent_unexpected_state' ||
        failed.code === 'setup_intent_unexpected_state'
      )
        return reread();
      throw error;
    }
  }

  /** The purchase's PaymentIntent, read through the cache: polls share one Stripe call. */
  const intents = createReadCache<Stripe.PaymentIntent>(options.stripeReadCacheMs ?? 1_000);
  const retrieveIntent = (id: string, fresh = false) => {
    if (fresh) intents.forget(id);
    return intents.get(id, () => stripe!.paymentIntents.retrieve(id));
  };

  /**
   * The account's cards at Stripe, all of them (auto-pagination, newest first), with the
   * customer's default — Stripe's own if it is one of them, else the oldest card. Reading
   * never writes. Shared by concurrent requests and cached briefly (createReadCache).
   */
  const cards = createReadCache<{ data: PaymentMethod[] }>(options.stripeReadCacheMs ?? 1_000);
  function stripeMethods(account: string, fresh = false): Promise<{ data: PaymentMethod[] }> {
    if (fresh) cards.forget(account);
    return cards.get(account, async () => {
      const customer = await ensureCustomer(account);
      const [methods, details] = await Promise.all([
        stripe!.paymentMethods
          .list({ customer, type: 'card', limit: 100 })
          .autoPagingToArray({ limit: MAX_CARDS }),
        stripe!.customers.retrieve(customer),
      ]);
      const chosen = details.deleted
        ? undefined
        : idOf(details.invoice_settings.default_payment_method);
      const defaultId = methods.some((method) => method.id === chosen)
        ? chosen!
        : (methods.at(-1)?.id ?? null);
      const data = methods.map((method) => toPaymentMethod(method, defaultId));
      return { data: data.sort((a, b) => Number(b.isDefault) - Number(a.isDefault)) };
    });
  }

  /** Whether the card is one of the account's at Stripe (read afresh before saying no). */
  async function ownsStripeMethod(account: string, id: string): Promise<boolean> {
    const has = (list: { data: PaymentMethod[] }) => list.data.some((method) => method.id === id);
    return has(await stripeMethods(account)) || has(await stripeMethods(account, true));
  }

  /**
   * The purchase a PaymentIntent pays for: by the intent's id or, when the server stopped between
   * creating the intent and saving its id (charged, but the purchase does not know it), by the
   * intent's `metadata.purchaseId` and `metadata.account`. Found that way, the intent's id is
   * saved onto the purchase (only if it has none), so it is found directly from then on.
   */
  async function purchaseForIntent(intent: {
    id: string;
    metadata?: Record<string, unknown> | null;
  }): Promise<{ id: string; account: string; status: string } | undefined> {
    const byIntent = async () => {
      const [row] = await rows(
        db,
        sql`SELECT id, account_id, status FROM purchases WHERE payment_intent_id = ${intent.id}`,
      );
      return row
        ? { id: String(row.id), account: String(row.account_id), status: String(row.status) }
        : undefined;
    };
    const found = await byIntent();
    const purchaseId = intent.metadata?.purchaseId;
    if (found || typeof purchaseId !== 'string') return found;
    const account = intent.metadata?.account;
    await db.execute(sql`UPDATE purchases SET payment_intent_id = ${intent.id}
      WHERE id = ${purchaseId} AND payment_intent_id IS NULL
      ${typeof account === 'string' ? sql`AND account_id = ${account}` : sql``}`);
    // Saved now, or a moment ago by another delivery of the event or by createPurchase itself.
    return byIntent();
  }

  /**
   * A refund or dispute of a paid purchase, kept as state on the purchase: refunded credits
   * (from the charge's cumulative `amount_refunded`, never lower than before) and disputed
   * credits (from the dispute's `amount`; 0 once the dispute is won), each the share of the
   * purchase's credits that share of its price paid for, rounded down. Together they take back
   * at most the purchase's credits. The event appends one ledger row for the difference it makes
   * to what is taken back, none when it makes none: a replay or a late, older event changes
   * nothing. The rows may take the balance below zero (credits already spent): they are not usage.
   */
  async function takeBack(
    purchaseId: string,
    account: string,
    event: { id?: string; type: string; data: { object: Record<string, unknown> } },
  ): Promise<void> {
    const object = event.data.object;
    await db.transaction(async (tx) => {
      const [row] = await rows(
        tx,
        sql`SELECT credits, amount, status, refunded_credits, disputed_credits, dispute_won
          FROM purchases WHERE id = ${purchaseId} FOR UPDATE`,
      );
      if (row?.status !== 'succeeded') return;
      const credits = Number(row.credits);
      const price = Number(row.amount);
      /** The credits `minor` units of the price paid for: rounded down, at most all of them. */
      const share = (minor: unknown) => {
        const money = Number(minor);
        if (!Number.isFinite(money) || money <= 0) return 0;
        if (price <= 0) return credits;
        const paid = BigInt(Math.min(Math.trunc(money), price));
        return Number((BigInt(credits) * paid) / BigInt(price));
      };
      const before = {
        refunded: Number(row.refunded_credits),
        disputed: Number(row.disputed_credits),
        won: Boolean(row.dispute_won),
      };
      const after = { ...before };
      if (event.type === 'charge.refunded') {
        after.refunded = Math.max(before.refunded, share(object.amount_refunded));
      } else if (event.type === 'charge.dispute.created') {
        if (!before.won) after.disputed = Math.max(before.disputed, share(object.amount));
      } else if (object.status === 'won') {
        after.disputed = 0;
        after.won = true;
      }
      if (
        after.refunded === before.refunded &&
        after.disputed === before.disputed &&
        after.won === before.won
      )
        return;
      await tx.execute(sql`UPDATE purchases SET refunded_credits = ${after.refunded},
        disputed_credits = ${after.disputed}, dispute_won = ${after.won} WHERE id = ${purchaseId}`);
      const takenBack = (state: typeof before) =>
        Math.min(credits, state.refunded + state.disputed);
      const amount = takenBack(before) - takenBack(after);
      if (amount === 0) return;
      const refund = event.type === 'charge.refunded';
      await appendLedger(tx, account, {
        type: refund ? 'refund' : 'adjustment',
        amount,
        description: refund
          ? 'Refund of a credit package'
          : amount < 0
            ? 'Payment disputed'
            : 'Dispute won, credits returned',
        purchaseId,
        // One row per event at most (the unique index holds; a replay appends nothing).
        externalId: event.id ?? null,
      });
    });
  }

  const idOf = (value: unknown): string | undefined =>
    typeof value === 'string'
      ? value
      : typeof (value as { id?: unknown } | null)?.id === 'string'
        ? (value as { id: string }).id
        : undefined;

  /** Stripe events, signature already verified. Each effect happens once however often an event arrives. */
  async function handleStripeEvent(event: {
    id?: string;
    type: string;
    data: { object: Record<string, unknown> };
  }): Promise<void> {
    const object = event.data.object;
    if (
      event.type === 'payment_intent.succeeded' ||
      event.type === 'payment_intent.payment_failed'
    ) {
      const purchase = await purchaseForIntent({
        id: String(object.id),
        metadata: object.metadata as Record<string, unknown> | null | undefined,
      });
      intents.forget(String(object.id));
      if (purchase)
        await syncIntent(purchase.account, purchase.id, object as unknown as Stripe.PaymentIntent);
      return;
    }
    if (event.type === 'setup_intent.succeeded' || event.type === 'setup_intent.setup_failed') {
      const [row] = await rows(
        db,
        sql`SELECT account_id FROM setup_intents WHERE id = ${String(object.id)}`,
      );
      if (row) await syncSetup(String(row.account_id), object as unknown as Stripe.SetupIntent);
      return;
    }
    if (
      event.type === 'payment_method.attached' ||
      event.type === 'payment_method.detached' ||
      event.type === 'customer.updated'
    ) {
      // The account's cards changed at Stripe (maybe through another instance): read them afresh.
      const customer =
        event.type === 'customer.updated'
          ? idOf(object)
          : (idOf(object.customer) ??
            idOf(
              (event as { data: { previous_attributes?: { customer?: unknown } } }).data
                .previous_attributes?.customer,
            ));
      const [row] = customer
        ? await rows(db, sql`SELECT id FROM accounts WHERE stripe_customer_id = ${customer}`)
        : [];
      if (row) cards.forget(String(row.id));
      return;
    }
    if (
      event.type === 'charge.refunded' ||
      event.type === 'charge.dispute.created' ||
      event.type === 'charge.dispute.closed'
    ) {
      const intentId = idOf(object.payment_intent);
      const purchase = intentId ? await purchaseForIntent({ id: intentId }) : undefined;
      if (!purchase) return;
      if (purchase.status !== 'succeeded' && stripe && intentId) {
        // Only a paid charge is refunded or disputed: the intent's own event has not been
        // handled yet. Credit the purchase first (if Stripe says it succeeded), then take back.
        await syncIntent(
          purchase.account,
          purchase.id,
          await stripe.paymentIntents.retrieve(intentId),
        );
      }
      await takeBack(purchase.id, purchase.account, event);
    }
  }

  return {
    mode,
    stripeEnabled: Boolean(stripe),
    handleStripeEvent,
    rows: (query: SQL) => rows(db, query),
    transaction: <T>(run: (tx: Executor) => Promise<T>) => db.transaction((tx) => run(tx)),
    ensureAccount,
    appendLedger,
    spendOnce,
    refusal,
    balance,
    toTransaction,
    settleDue,
    listMethods,
    savePaymentMethod,
    grant,
    /**
     * Creates a purchase — or, with an `idempotencyKey` this account already created one with,
     * carries that one on: a retry after an unknown outcome (a crash, a lost response) never
     * creates a second purchase or PaymentIntent. The PaymentIntent's Stripe idempotency key is
     * the purchase id, so Stripe too answers a repeated creation with the first PaymentIntent.
     */
    async createPurchase(
      account: string,
      input: { packageId: string; paymentMethodId?: string; savePaymentMethod?: boolean },
      idempotencyKey?: string,
    ): Promise<Purchase> {
      const pkg = PACKAGES.find((p) => p.id === input.packageId);
      if (!pkg) throw new ProblemError(404, 'not_found', 'No such package');
      if (input.paymentMethodId) {
        const known = stripe
          ? await ownsStripeMethod(account, input.paymentMethodId)
          : (
              await rows(
                db,
                sql`SELECT id FROM payment_methods WHERE id = ${input.paymentMethodId} AND account_id = ${account}`,
              )
            ).length > 0;
        if (!known) throw new ProblemError(404, 'not_found', 'No such payment method');
      }
      const fresh = newId('pur_', 20);
      // With Stripe the client secret is the PaymentIntent's (set once it exists), never a local one.
      const secret = stripe ? null : `${fresh}_secret_${randomUUID().slice(0, 8)}`;
      const inserted = await rows(
        db,
        sql`INSERT INTO purchases (id, account_id, package_id, status, credits, amount, currency, client_secret, pending_save, created_at, idempotency_key)
        VALUES (${fresh}, ${account}, ${pkg.id}, 'requires_payment_method', ${pkg.credits}, ${pkg.price.amount}, ${pkg.price.currency},
                ${secret}, ${input.savePaymentMethod ?? false}, ${now().toISOString()}, ${idempotencyKey ?? null})
        ON CONFLICT DO NOTHING RETURNING id`,
      );
      // Not inserted: an earlier attempt with this key got this far (and maybe further).
      const earlier = inserted.length
        ? undefined
        : (
            await rows(
              db,
              sql`SELECT * FROM purchases WHERE account_id = ${account} AND idempotency_key = ${idempotencyKey ?? null}`,
            )
          )[0];
      if (!inserted.length && !earlier) throw new Error('createPurchase: the purchase vanished');
      const id = earlier ? String(earlier.id) : fresh;
      if (stripe && earlier?.payment_intent_id) {
        // The PaymentIntent exists: bring the purchase up to date with it, never create another.
        if (!isFinal(earlier.status)) {
          await syncIntent(
            account,
            id,
            await retrieveIntent(String(earlier.payment_intent_id), true),
          );
        }
      } else if (stripe) {
        const customer = await ensureCustomer(account);
        // A decline answers 402 carrying the PaymentIntent Stripe created: the purchase keeps it
        // (and its decline code), so every later confirmation goes through that PaymentIntent.
        const intent = await settledIntent(
          () =>
            stripe.paymentIntents.create(
              {
                amount: pkg.price.amount,
                currency: pkg.price.currency.toLowerCase(),
                customer,
                metadata: { purchaseId: id, account, packageId: pkg.id },
                automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
                ...(input.savePaymentMethod ? { setup_future_usage: 'off_session' as const } : {}),
                ...(input.paymentMethodId
                  ? { payment_method: input.paymentMethodId, confirm: true }
                  : {}),
              },
              { idempotencyKey: `purchase:${id}` },
            ),
          () =>
            Promise.reject(
              new Error('createPurchase: a new PaymentIntent cannot be unconfirmable'),
            ),
        ).catch(async (error: Stripe.errors.StripeError) => {
          // A card error without its PaymentIntent (Stripe documents one with it): the decline
          // is still the purchase's answer.
          if (error.type !== 'StripeCardError') throw error;
          const failure = failureOf(error);
          await movePurchase(
            db,
            id,
            'requires_payment_method',
            sql`failure_code = ${failure?.code ?? 'card_declined'}, failure_message = ${failure?.message ?? 'The payment did not go through.'}`,
          );
          return undefined;
        });
        if (!intent) return toPurchase(await purchaseRow(account, id));
        await db.execute(
          sql`UPDATE purchases SET payment_intent_id = ${intent.id}, payment_method_id = ${input.paymentMethodId ?? null}
            WHERE id = ${id} AND payment_intent_id IS NULL`,
        );
        await syncIntent(account, id, intent);
        if (input.savePaymentMethod) cards.forget(account);
      } else if (
        input.paymentMethodId &&
        (!earlier || (earlier.status === 'requires_payment_method' && !earlier.failure_code))
      ) {
        // The simulated gateway: pay unless the earlier attempt already did (or was declined).
        // Paying twice could not credit twice either: grant() credits a purchase at most once.
        await pay(account, id, input.paymentMethodId, false);
      }
      return toPurchase(await purchaseRow(account, id));
    },
    async getPurchase(account: string, id: string): Promise<Purchase> {
      const row = await purchaseRow(account, id);
      if (stripe && row.payment_intent_id && !isFinal(row.status)) {
        // The poll that finds a succeeded PaymentIntent credits it: "instant" never waits for the
        // webhook. Concurrent polls share one Stripe call (retrieveIntent).
        await syncIntent(account, id, await retrieveIntent(String(row.payment_intent_id)));
      } else if (
        row.status === 'processing' &&
        row.settle_at &&
        new Date(row.settle_at as string) <= now()
      ) {
        await grant(account, id);
      }
      return toPurchase(await purchaseRow(account, id));
    },
    async sandboxConfirmPurchase(
      account: string,
      id: string,
      input: { paymentMethod: string; savePaymentMethod?: boolean },
    ) {
      requireSandbox();
      const row = await purchaseRow(account, id);
      if ((OPEN_STATUSES as readonly string[]).includes(String(row.status))) {
        if (stripe && row.payment_intent_id) {
          // Stripe test mode: confirm server-side with Stripe's own test token, or a card of this account.
          const { token } = await resolveToken(account, input.paymentMethod);
          const intentId = String(row.payment_intent_id);
          const intent = await settledIntent(
            () => stripe.paymentIntents.confirm(intentId, { payment_method: token }),
            () => retrieveIntent(intentId, true),
          );
          intents.forget(intentId);
          await syncIntent(account, id, intent);
        } else if (!stripe) {
          await pay(
            account,
            id,
            input.paymentMethod,
            input.savePaymentMethod ?? Boolean(row.pending_save),
          );
        }
      }
      return toPurchase(await purchaseRow(account, id));
    },
    async sandboxAuthenticatePurchase(account: string, id: string, outcome: 'complete' | 'fail') {
      requireSandbox();
      const row = await purchaseRow(account, id);
      if (stripe && row.payment_intent_id) {
        // With Stripe the customer answers 3D Secure in the browser: here, only what came of it.
        const intent = await retrieveIntent(String(row.payment_intent_id), true);
        await syncIntent(account, id, intent);
        if (intent.status === 'requires_action') throw authenticateWithStripeJs('purchase');
        return toPurchase(await purchaseRow(account, id));
      }
      if (row.status !== 'requires_action' || !row.pending_token) {
        throw new ProblemError(
          409,
          'purchase_not_confirmable',
          'Nothing to authenticate',
          `The purchase is ${row.status}.`,
        );
      }
      if (outcome === 'fail') {
        await movePurchase(
          db,
          id,
          'requires_payment_method',
          sql`pending_token = NULL, failure_code = 'authentication_failed', failure_message = ${SANDBOX_FAILURE_MESSAGES.authentication_failed}`,
          ['requires_action'],
        );
      } else {
        await paid(
          account,
          id,
          {
            token: String(row.pending_token),
            savedId: (row.payment_method_id as string | null) ?? null,
            save: Boolean(row.pending_save),
          },
          ['requires_action'],
        );
      }
      return toPurchase(await purchaseRow(account, id));
    },
    /**
     * Creates a SetupIntent. With an `idempotencyKey` this account already created one with, that
     * one is returned: from our table, or (when the first attempt stopped between Stripe and the
     * table) from Stripe, which answers the same Stripe idempotency key with the same SetupIntent.
     */
    async createSetupIntent(account: string, idempotencyKey?: string): Promise<SetupIntent> {
      const earlier = async () =>
        idempotencyKey
          ? (
              await rows(
                db,
                sql`SELECT * FROM setup_intents WHERE account_id = ${account} AND idempotency_key = ${idempotencyKey}`,
              )
            )[0]
          : undefined;
      const found = await earlier();
      if (found) return toSetupIntent(account, found);
      let id = newId('seti_', 20);
      let status = 'requires_payment_method';
      let clientSecret = `${id}_secret_${randomUUID().slice(0, 8)}`;
      if (stripe) {
        const customer = await ensureCustomer(account);
        const intent = await stripe.setupIntents.create(
          {
            customer,
            usage: 'off_session',
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          },
          idempotencyKey ? { idempotencyKey: `setup:${account}:${idempotencyKey}` } : undefined,
        );
        id = intent.id;
        status = intent.status;
        clientSecret = intent.client_secret ?? '';
      }
      const inserted = await rows(
        db,
        sql`INSERT INTO setup_intents (id, account_id, status, client_secret, idempotency_key)
        VALUES (${id}, ${account}, ${status}, ${clientSecret}, ${idempotencyKey ?? null})
        ON CONFLICT DO NOTHING RETURNING *`,
      );
      const row = inserted[0] ?? (await earlier());
      if (!row) throw new Error('createSetupIntent: the setup intent vanished');
      return toSetupIntent(account, row);
    },
    async sandboxConfirmSetupIntent(
      account: string,
      id: string,
      paymentMethod: string,
    ): Promise<SetupIntent> {
      requireSandbox();
      const row = await setupRow(account, id);
      if (row.status === 'succeeded') return toSetupIntent(account, row);
      const { token } = await resolveToken(account, paymentMethod);
      if (stripe) {
        // Stripe confirms a SetupIntent once; a concurrent confirmation reads the winner's result.
        const intent = await settledIntent(
          () => stripe.setupIntents.confirm(id, { payment_method: token }),
          () => stripe.setupIntents.retrieve(id),
        );
        await syncSetup(account, intent);
        return toSetupIntent(account, await setupRow(account, id));
      }
      const outcome = sandboxCardForToken(token)!.outcome;
      if (outcome.type === 'declined') {
        await db.execute(sql`UPDATE setup_intents SET status = 'requires_payment_method', failure_code = ${outcome.code},
          failure_message = ${SANDBOX_FAILURE_MESSAGES[outcome.code]} WHERE id = ${id} AND status <> 'succeeded'`);
      } else if (outcome.type === 'requires_action') {
        await db.execute(
          sql`UPDATE setup_intents SET status = 'requires_action', pending_token = ${token}, failure_code = NULL WHERE id = ${id} AND status <> 'succeeded'`,
        );
      } else {
        await setupSucceeded(account, id, token, ['requires_payment_method', 'requires_action']);
      }
      return toSetupIntent(account, await setupRow(account, id));
    },
    async sandboxAuthenticateSetupIntent(
      account: string,
      id: string,
      outcome: 'complete' | 'fail',
    ): Promise<SetupIntent> {
      requireSandbox();
      const row = await setupRow(account, id);
      if (stripe) {
        // As for purchases: the challenge is answered in the browser; here, what came of it.
        const intent = await stripe.setupIntents.retrieve(id);
        await syncSetup(account, intent);
        if (intent.status === 'requires_action') throw authenticateWithStripeJs('setup intent');
        return toSetupIntent(account, await setupRow(account, id));
      }
      if (row.status !== 'requires_action' || !row.pending_token) {
        throw new ProblemError(
          409,
          'purchase_not_confirmable',
          'Nothing to authenticate',
          `The setup intent is ${row.status}.`,
        );
      }
      if (outcome === 'fail') {
        await db.execute(sql`UPDATE setup_intents SET status = 'requires_payment_method', pending_token = NULL,
          failure_code = 'authentication_failed', failure_message = ${SANDBOX_FAILURE_MESSAGES.authentication_failed}
          WHERE id = ${id} AND status = 'requires_action'`);
      } else {
        await setupSucceeded(account, id, String(row.pending_token), ['requires_action']);
      }
      return toSetupIntent(account, await setupRow(account, id));
    },
    async setDefaultPaymentMethod(account: string, id: string) {
      if (stripe) {
        if (!(await ownsStripeMethod(account, id)))
          throw new ProblemError(404, 'not_found', 'No such payment method');
        await stripe.customers.update(await ensureCustomer(account), {
          invoice_settings: { default_payment_method: id },
        });
        return stripeMethods(account, true);
      }
      await db.transaction(async (tx) => {
        await lockAccount(tx, account);
        const [found] = await rows(
          tx,
          sql`SELECT id FROM payment_methods WHERE account_id = ${account} AND id = ${id}`,
        );
        if (!found) throw new ProblemError(404, 'not_found', 'No such payment method');
        await moveDefault(tx, account, id);
      });
      return listMethods(account);
    },
    async deletePaymentMethod(account: string, id: string, newDefaultId?: string) {
      if (stripe) {
        const { data } = await stripeMethods(account, true);
        const moveDefaultTo = assertDeletable(data, id, newDefaultId);
        if (moveDefaultTo) {
          await stripe.customers.update(await ensureCustomer(account), {
            invoice_settings: { default_payment_method: moveDefaultTo },
          });
        }
        await stripe.paymentMethods.detach(id);
        return stripeMethods(account, true);
      }
      await db.transaction(async (tx) => {
        await lockAccount(tx, account);
        const methods = await rows(
          tx,
          sql`SELECT id, is_default FROM payment_methods WHERE account_id = ${account}`,
        );
        const moveDefaultTo = assertDeletable(
          methods.map((row) => ({ id: String(row.id), isDefault: Boolean(row.is_default) })),
          id,
          newDefaultId,
        );
        if (moveDefaultTo) await moveDefault(tx, account, moveDefaultTo);
        await tx.execute(sql`DELETE FROM payment_methods WHERE id = ${id}`);
      });
      return listMethods(account);
    },
    /**
     * A demo card for a new account (SEED_DEMO): with Stripe (test mode only), attached to the
     * account's customer at Stripe — a test token attaches as a new card
     * (https://docs.stripe.com/api/payment_methods/attach); without, saved locally.
     */
    async saveDemoCard(account: string, token: string): Promise<void> {
      requireSandbox();
      if (!stripe) {
        await savePaymentMethod(account, token);
        return;
      }
      await stripe.paymentMethods.attach(token, { customer: await ensureCustomer(account) });
      cards.forget(account);
    },
    /**
     * Nothing paid is left uncredited: looks at up to `batch` purchases that are not final, have
     * a PaymentIntent and are between `minAgeMs` (the browser's polls and the webhook had their
     * chance) and 7 days old, asks Stripe how each stands and applies it forward-only. Each
     * purchase looked at is not looked at again for half its age (at least `leaseMs`), so an
     * abandoned purchase costs a few Stripe calls, not one per sweep. FOR UPDATE SKIP LOCKED and
     * that lease (`reconcile_after`) let instances sweeping at once share the work instead of
     * repeating it; were they to overlap, grant() still credits once. Without Stripe, it settles
     * the simulated webhooks that are due. Returns how many purchases it looked at.
     */
    async reconcile(settings: { minAgeMs: number; leaseMs: number; batch?: number }) {
      const at = now();
      if (!stripe) {
        const due = await rows(
          db,
          sql`SELECT id, account_id FROM purchases WHERE status = 'processing' AND settle_at <= ${at.toISOString()} LIMIT ${settings.batch ?? 100}`,
        );
        for (const row of due) await grant(String(row.account_id), String(row.id));
        return due.length;
      }
      const stamp = at.toISOString();
      const leased = await rows(
        db,
        sql`UPDATE purchases SET reconcile_after = ${stamp}::timestamptz
          + GREATEST(${settings.leaseMs}::int * interval '1 millisecond', (${stamp}::timestamptz - created_at) / 2)
        WHERE id IN (SELECT id FROM purchases
          WHERE status IN ('requires_payment_method', 'requires_confirmation', 'requires_action', 'processing')
            AND payment_intent_id IS NOT NULL
            AND created_at <= ${new Date(at.getTime() - settings.minAgeMs).toISOString()}
            AND created_at > ${new Date(at.getTime() - 7 * 86_400_000).toISOString()}
            AND (reconcile_after IS NULL OR reconcile_after <= ${stamp})
          ORDER BY created_at LIMIT ${settings.batch ?? 100}
          FOR UPDATE SKIP LOCKED)
        RETURNING id, account_id, payment_intent_id`,
      );
      for (const row of leased) {
        const intent = await retrieveIntent(String(row.payment_intent_id), true);
        await syncIntent(String(row.account_id), String(row.id), intent);
      }
      return leased.length;
    },
    /** Stops the simulated webhooks still pending. */
    dispose() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

export type CreditsService = ReturnType<typeof createCreditsService>;
