import { randomUUID } from 'node:crypto';
import type { SetupIntent } from 'credits-core';
import { SANDBOX_FAILURE_MESSAGES, sandboxCardForToken } from 'credits-core/sandbox';
import { ProblemError } from 'credits-core/server';
import type { Row } from '../data/rows.js';
import {
  declineSetupIntent,
  failSetupIntentAuthentication,
  insertSetupIntent,
  setSetupIntentMethod,
  setupIntentByKey,
  setupIntentRequiresAction,
  setupIntentRowOf,
  succeedSetupIntent,
} from '../data/setupIntentsData.js';
import { newId } from '../ledger/ledger.js';
import {
  authenticateWithStripeJs,
  nothingToAuthenticate,
  requireSandbox,
} from '../purchases/sandboxRules.js';
import type { ServiceContext } from '../serviceContext.js';
import { ensureCustomer } from '../stripe/stripeCards.js';
import { settledIntent, syncSetup } from '../stripe/stripeSync.js';
import { listMethods, resolveToken, savePaymentMethod } from './cards.js';

const toSetupIntent = async (
  ctx: ServiceContext,
  account: string,
  row: Row,
): Promise<SetupIntent> => ({
  id: String(row.id),
  status: String(row.status),
  clientSecret: String(row.client_secret),
  paymentMethod: row.payment_method_id
    ? ((await listMethods(ctx, account)).data.find(
        (method) => method.id === row.payment_method_id,
      ) ?? null)
    : null,
  failure: row.failure_code
    ? { code: String(row.failure_code), message: String(row.failure_message ?? '') }
    : null,
});

async function setupRow(ctx: ServiceContext, account: string, id: string): Promise<Row> {
  const row = await setupIntentRowOf(ctx.db, account, id);
  if (!row) throw new ProblemError(404, 'not_found', 'No such setup intent');
  return row;
}

const readSetupIntent = async (ctx: ServiceContext, account: string, id: string) =>
  toSetupIntent(ctx, account, await setupRow(ctx, account, id));

/** A sandbox SetupIntent succeeds once: only the confirmation that moves it saves the card. */
async function setupSucceeded(
  ctx: ServiceContext,
  account: string,
  id: string,
  token: string,
  from: string[],
) {
  await ctx.db.transaction(async (tx) => {
    if (!(await succeedSetupIntent(tx, account, id, from))) return;
    const methodId = await savePaymentMethod(ctx, account, token, tx);
    await setSetupIntentMethod(tx, account, id, methodId);
  });
}

/**
 * Creates a SetupIntent. With an `idempotencyKey` this account already created one with, that
 * one is returned: from our table, or (when the first attempt stopped between Stripe and the
 * table) from Stripe, which answers the same Stripe idempotency key with the same SetupIntent.
 */
export async function createSetupIntent(
  ctx: ServiceContext,
  account: string,
  idempotencyKey?: string,
): Promise<SetupIntent> {
  const earlier = async () =>
    idempotencyKey ? await setupIntentByKey(ctx.db, account, idempotencyKey) : undefined;
  const found = await earlier();
  if (found) return toSetupIntent(ctx, account, found);
  let id = newId('seti_', 20);
  let status = 'requires_payment_method';
  let clientSecret = `${id}_secret_${randomUUID().slice(0, 8)}`;
  if (ctx.stripe) {
    const customer = await ensureCustomer(ctx, account);
    const intent = await ctx.stripe.setupIntents.create(
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
  const inserted = await insertSetupIntent(ctx.db, {
    id,
    account,
    status,
    clientSecret,
    idempotencyKey: idempotencyKey ?? null,
  });
  const row = inserted ?? (await earlier());
  if (!row) throw new Error('createSetupIntent: the setup intent vanished');
  return toSetupIntent(ctx, account, row);
}

export async function sandboxConfirmSetupIntent(
  ctx: ServiceContext,
  account: string,
  id: string,
  paymentMethod: string,
): Promise<SetupIntent> {
  requireSandbox(ctx);
  const { stripe } = ctx;
  const row = await setupRow(ctx, account, id);
  if (row.status === 'succeeded') return toSetupIntent(ctx, account, row);
  const { token } = await resolveToken(ctx, account, paymentMethod);
  if (stripe) {
    // Stripe confirms a SetupIntent once; a concurrent confirmation reads the winner's result.
    const intent = await settledIntent(
      () => stripe.setupIntents.confirm(id, { payment_method: token }),
      () => stripe.setupIntents.retrieve(id),
    );
    await syncSetup(ctx, account, intent);
    return readSetupIntent(ctx, account, id);
  }
  const outcome = sandboxCardForToken(token)!.outcome;
  if (outcome.type === 'declined') {
    await declineSetupIntent(ctx.db, account, id, {
      code: outcome.code,
      message: SANDBOX_FAILURE_MESSAGES[outcome.code],
    });
  } else if (outcome.type === 'requires_action') {
    await setupIntentRequiresAction(ctx.db, account, id, token);
  } else {
    await setupSucceeded(ctx, account, id, token, ['requires_payment_method', 'requires_action']);
  }
  return readSetupIntent(ctx, account, id);
}

export async function sandboxAuthenticateSetupIntent(
  ctx: ServiceContext,
  account: string,
  id: string,
  outcome: 'complete' | 'fail',
): Promise<SetupIntent> {
  requireSandbox(ctx);
  const row = await setupRow(ctx, account, id);
  if (ctx.stripe) {
    // As for purchases: the challenge is answered in the browser; here, what came of it.
    const intent = await ctx.stripe.setupIntents.retrieve(id);
    await syncSetup(ctx, account, intent);
    if (intent.status === 'requires_action') throw authenticateWithStripeJs('setup intent');
    return readSetupIntent(ctx, account, id);
  }
  if (row.status !== 'requires_action' || !row.pending_token) {
    throw nothingToAuthenticate('setup intent', row.status);
  }
  if (outcome === 'fail') {
    await failSetupIntentAuthentication(
      ctx.db,
      account,
      id,
      SANDBOX_FAILURE_MESSAGES.authentication_failed,
    );
  } else {
    await setupSucceeded(ctx, account, id, String(row.pending_token), ['requires_action']);
  }
  return readSetupIntent(ctx, account, id);
}
