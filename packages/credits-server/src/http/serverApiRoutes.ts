import { createHash, timingSafeEqual } from 'node:crypto';
import {
  API_KEY_HEADER,
  captureHoldBodySchema,
  createAdjustmentBodySchema,
  createGrantBodySchema,
  createHoldBodySchema,
  MAX_ACCOUNT_ID_LENGTH,
  ProblemError,
  recordUsageBodySchema,
  requireIdempotencyKey,
  SERVER_API_PREFIX,
} from 'credits-core/server';
import type { Context, Hono } from 'hono';
import type { CreditsService } from '../createCreditsService.js';
import type { IdempotencyKeys } from '../data/createIdempotencyKeys.js';
import { parse, readBody, reply } from './requestInput.js';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Whether a presented secret is one of the Server API keys, compared in constant time (digests
 * of equal length, so neither the key's length nor its prefix leaks through timing).
 */
export function createApiKeyMatcher(keys: readonly string[]) {
  const digests = keys.map(digest);
  return (presented: string | null | undefined): boolean => {
    if (!presented) return false;
    const candidate = digest(presented);
    let found = false;
    for (const each of digests) found = timingSafeEqual(each, candidate) || found;
    return found;
  };
}

/** A Server API key must look secret: `sk_` and at least 24 characters (CONTRACT.md, Server API). */
export function checkApiKeys(keys: readonly string[]): void {
  for (const key of keys) {
    if (!/^sk_[\x21-\x7e]{21,}$/.test(key)) {
      throw new Error(
        'A Server API key (CREDITS_API_KEYS) must start with "sk_" and have at least 24 printable characters: it is a secret that moves credits.',
      );
    }
  }
}

export interface ServerApiOptions {
  service: CreditsService;
  keys: IdempotencyKeys;
  /** Where the contract is mounted; the Server API is under `${base}/server`. */
  base: string;
  /** The secret keys (several while rotating). None: every Server API request answers 401. */
  apiKeys: readonly string[];
  onNewAccount?: (account: string) => Promise<void>;
}

type Env = { Variables: { account: string } };

/**
 * The Server API (CONTRACT.md): the host's backend meters usage, holds and captures, grants and
 * adjusts, for any account, with the secret key in `X-Api-Key` — and nothing else: a browser's
 * `Authorization` never stands in for it.
 */
export function mountServerApi(app: Hono<Env>, options: ServerApiOptions) {
  const { service, keys } = options;
  const prefix = `${options.base}${SERVER_API_PREFIX}/accounts/:accountId`;
  const isApiKey = createApiKeyMatcher(options.apiKeys);

  app.use(`${options.base}${SERVER_API_PREFIX}/*`, async (c, next) => {
    if (!isApiKey(c.req.header(API_KEY_HEADER))) {
      throw new ProblemError(
        401,
        'unauthenticated',
        'Server API key required',
        `Send the secret Server API key in ${API_KEY_HEADER}; a browser's token is not accepted here.`,
      );
    }
    await next();
  });
  app.use(`${prefix}/*`, async (c, next) => {
    const account = c.req.param('accountId') ?? '';
    if (account.length === 0 || account.length > MAX_ACCOUNT_ID_LENGTH) {
      throw ProblemError.invalid(
        'accountId',
        'Invalid account id',
        `An account id has 1 to ${MAX_ACCOUNT_ID_LENGTH} characters.`,
      );
    }
    if ((await service.ensureAccount(account)) && options.onNewAccount)
      await options.onNewAccount(account);
    c.set('account', account);
    await next();
  });

  const keyOf = (c: Context<Env>) => requireIdempotencyKey(c.req.header('idempotency-key'));

  app.get(`${prefix}/balance`, async (c) => {
    const account = c.get('account');
    await service.expireHolds(account);
    return c.json(await service.balance(account));
  });

  app.post(`${prefix}/usage`, async (c) => {
    const account = c.get('account');
    const input = await readBody(c.req.raw);
    await service.expireHolds(account);
    const result = await keys.spend(account, c.req.header('idempotency-key'), input, () => {
      const usage = parse(recordUsageBodySchema, input);
      return {
        amount: -usage.credits,
        description: usage.description,
        websiteId: usage.websiteId,
        websiteName: usage.websiteName,
        websiteUrl: usage.websiteUrl,
      };
    });
    return reply(c as never, result);
  });

  app.post(`${prefix}/holds`, async (c) => {
    const account = c.get('account');
    const input = await readBody(c.req.raw);
    const key = keyOf(c);
    const result = await keys.run(account, 'hold', key, input, async () => ({
      status: 201,
      body: await service.createHold(account, parse(createHoldBodySchema, input), key),
    }));
    return reply(c as never, result);
  });

  app.post(`${prefix}/holds/:holdId/capture`, async (c) => {
    const { credits } = parse(captureHoldBodySchema, await readBody(c.req.raw));
    return c.json(await service.captureHold(c.get('account'), c.req.param('holdId'), credits));
  });

  app.post(`${prefix}/holds/:holdId/release`, async (c) =>
    c.json(await service.releaseHold(c.get('account'), c.req.param('holdId'))),
  );

  app.post(`${prefix}/grants`, async (c) => {
    const account = c.get('account');
    const input = await readBody(c.req.raw);
    const key = keyOf(c);
    const result = await keys.run(account, 'grant', key, input, async () => ({
      status: 201,
      body: await service.grantCredits(account, parse(createGrantBodySchema, input), key),
    }));
    return reply(c as never, result);
  });

  app.post(`${prefix}/adjustments`, async (c) => {
    const account = c.get('account');
    const input = await readBody(c.req.raw);
    const key = keyOf(c);
    const result = await keys.run(account, 'adjustment', key, input, async () => ({
      status: 201,
      body: await service.adjustCredits(account, parse(createAdjustmentBodySchema, input), key),
    }));
    return reply(c as never, result);
  });
}
