import { expect } from 'vitest';
import { TEST_API_KEY } from './serverApiKey';

/** Sends a request to a credits server: `path` under its base (`/api/credits/v1`). */
export type Send = (path: string, init: RequestInit) => Promise<Response>;

export const overHttp =
  (baseUrl: () => string): Send =>
  (path, init) =>
    fetch(`${baseUrl()}${path}`, init);

async function answer(response: Promise<Response>) {
  const done = await response;
  // biome-ignore lint/suspicious/noExplicitAny: JSON read by the assertions
  return { status: done.status, body: (await done.json()) as any };
}

/** A browser call as `account` (the demo sign-in: token `alice` is `acct_alice`): status and JSON body. */
export const browserCall = (
  send: Send,
  account: string,
  method: string,
  path: string,
  body?: unknown,
) =>
  answer(
    send(path, {
      method,
      headers: {
        Authorization: `Bearer ${account.replace(/^acct_/, '')}`,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );

/** A Server API call (the host's backend, with the secret key). */
export const serverCall = (send: Send, account: string, path: string, body: unknown) =>
  answer(
    send(`/server/accounts/${account}${path}`, {
      method: 'POST',
      headers: {
        'X-Api-Key': TEST_API_KEY,
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
      },
      body: JSON.stringify(body),
    }),
  );

/** Saves a sandbox card the way the browser does: a SetupIntent confirmed (and 3DS completed). */
export async function saveSandboxCard(send: Send, account: string, token: string): Promise<string> {
  const setup = await browserCall(send, account, 'POST', '/setup-intents');
  expect(setup.status).toBe(201);
  let confirmed = await browserCall(
    send,
    account,
    'POST',
    `/sandbox/setup-intents/${setup.body.id}/confirm`,
    {
      paymentMethod: token,
    },
  );
  if (confirmed.body.status === 'requires_action') {
    confirmed = await browserCall(
      send,
      account,
      'POST',
      `/sandbox/setup-intents/${setup.body.id}/authenticate`,
      {
        outcome: 'complete',
      },
    );
  }
  expect(confirmed.body.status).toBe('succeeded');
  return confirmed.body.paymentMethod.id as string;
}

/** The settings object PUT /auto-recharge takes (pkg_10k: 10,000 credits for $10.00). */
export const rechargeSettings = (overrides: Record<string, unknown> = {}) => ({
  enabled: true,
  thresholdCredits: 2_000,
  packageId: 'pkg_10k',
  monthlyCap: { amount: 5_000, currency: 'USD' },
  paymentMethodId: null,
  ...overrides,
});

/**
 * Reads until `done` holds: the charge runs after the debit's commit (on its notification), so
 * tests wait for the state a user would see, never a fixed delay. Gives up after `limitMs`.
 */
export async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  limitMs = 30_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > limitMs) throw new Error(`never reached: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
