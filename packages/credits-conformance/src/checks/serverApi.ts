import { balanceSchema, transactionSchema } from 'credits-core';
import { CheckSkipped } from '../CheckFailure.js';
import type { CheckContext } from '../createCheckContext.js';
import type { HttpRequest } from '../createHttp.js';

/** Skips the check unless the run has the Server API's key and the account to address. */
export function requireServerApi(context: CheckContext): string {
  const { apiKey, accountId } = context.options;
  if (!apiKey || !accountId)
    throw new CheckSkipped(
      'it needs the Server API: pass its secret key (--api-key) and the account the token signs in as (--account-id)',
    );
  return accountId;
}

/** A Server API request on the run's account (`/server/accounts/{accountId}…`). */
export function serverCall(
  context: CheckContext,
  method: string,
  path: string,
  init: HttpRequest = {},
) {
  const account = requireServerApi(context);
  return context.http(method, `/server/accounts/${encodeURIComponent(account)}${path}`, {
    ...init,
    server: true,
  });
}

/** A keyed Server API write (a fresh Idempotency-Key unless one is given). */
export const serverWrite = (context: CheckContext, path: string, body: unknown, key?: string) =>
  serverCall(context, 'POST', path, {
    body,
    headers: { 'Idempotency-Key': key ?? context.key() },
  });

/** The account's balance through the Server API, parsed against the contract. */
export async function serverBalance(context: CheckContext) {
  const response = await serverCall(context, 'GET', '/balance');
  return { response, balance: context.parse(balanceSchema, response, 'Server API balance') };
}

/** Grants credits through the Server API (the checks' own top-up). */
export async function grant(context: CheckContext, credits: number) {
  const response = await serverWrite(context, '/grants', {
    credits,
    reason: 'Conformance check credits',
  });
  return context.parse(transactionSchema, response, 'Server API grant');
}

/**
 * Records one usage row with a website through the Server API (granting its credits first), for
 * the checks that need rows the browser's operations cannot make. Skips without the Server API.
 */
export async function recordWebsiteUsage(context: CheckContext) {
  requireServerApi(context);
  await grant(context, 10);
  const website = { websiteId: `conformance-web-${context.key().slice(0, 8)}` };
  const response = await serverWrite(context, '/usage', {
    credits: 10,
    description: 'Conformance website usage',
    ...website,
    websiteName: 'Conformance website',
    websiteUrl: 'https://conformance.example',
  });
  return context.parse(transactionSchema, response, 'Server API usage');
}
