import {
  CONTRACT_VERSION,
  createPurchaseBodySchema,
  sandboxAuthenticateBodySchema,
  sandboxConfirmBodySchema,
} from 'credits-core';
import {
  API_KEY_HEADER,
  assertNoNulInUrl,
  bodyTooLarge,
  MAX_BODY_BYTES,
  ProblemError,
  SERVER_API_PREFIX,
  transactionQuerySchema,
  usageQuerySchema,
  usageSeriesQuerySchema,
} from 'credits-core/server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { timeout } from 'hono/timeout';
import { demoAccountResolver } from '../auth/createAccountResolver.js';
import { type CreditsService, PACKAGES } from '../createCreditsService.js';
import { createIdempotencyKeys } from '../data/createIdempotencyKeys.js';
import { createRateLimiter } from '../data/createRateLimiter.js';
import type { EventHub } from '../live/createEventHub.js';
import type { StripeClient } from '../stripe/createStripeGateway.js';
import { mountAutoRecharge } from './autoRechargeRoutes.js';
import { createAccountLimiter } from './createAccountLimiter.js';
import { parse, query, readBody, reply } from './requestInput.js';
import { createApiKeyMatcher, mountServerApi } from './serverApiRoutes.js';
import { stripeWebhookRoute } from './stripeWebhookRoute.js';
import { toProblem } from './toProblem.js';

export interface AppOptions {
  service: CreditsService;
  /** Where the contract is mounted. Default `/api/credits/v1`. */
  basePath?: string;
  /**
   * Authentication: the place a host plugs in its own. Return the account id
   * for a request, or `null` for 401. Default (demo only): the bearer token is the account id.
   */
  resolveAccount?: (request: Request) => string | null | Promise<string | null>;
  /** Called the first time an account is seen (the demo seeds it). */
  onNewAccount?: (account: string) => Promise<void>;
  /** Allowed browser origins (CORS). Default: none (same origin). */
  corsOrigins?: string[];
  limits?: { maxPageSize: number; defaultPageSize: number };
  /**
   * Purchase and SetupIntent creations (together) per account per minute, against card testing.
   * Counted in the database, so all instances share the limit. Default 30.
   */
  createsPerMinute?: number;
  /**
   * How long a purchase or SetupIntent request holds its Idempotency-Key: a retry with the key
   * meanwhile gets 409, after it (the request crashed) runs the creation again, which finds
   * what the first attempt created. Default 60 000 ms.
   */
  idempotencyLockTimeoutMs?: number;
  /**
   * The deadline of one API request, in ms: past it the answer is 503 `service_unavailable`
   * with Retry-After (the database's `statement_timeout` cancels its SQL). Default 10 000.
   */
  requestTimeoutMs?: number;
  /**
   * Requests of one account an instance runs at once (the rest wait their turn, up to 256, then
   * 429): one account's flood holds at most this many database connections. Default 4.
   */
  concurrentRequestsPerAccount?: number;
  /**
   * The Server API's secret keys (`sk_…`, ≥ 24 characters; several while rotating), sent by the
   * host's backend in `X-Api-Key`. None: the Server API answers 401 to everything.
   */
  serverApiKeys?: readonly string[];
  /** Live events (`GET /events`, `Config.events`): the instance's hub. Without it, no stream. */
  events?: EventHub;
  /** With Stripe: the client (for webhook signatures), the webhook secret and the publishable key. */
  stripe?: { client: StripeClient; webhookSecret: string; publishableKey?: string };
}

/** The credits contract over HTTP, on the service. */
export function createApp(options: AppOptions) {
  const { service } = options;
  const limits = options.limits ?? { maxPageSize: 100, defaultPageSize: 25 };
  const base = options.basePath ?? '/api/credits/v1';
  const resolveAccount = options.resolveAccount ?? demoAccountResolver;
  // One budget for purchases and SetupIntents together (scope 'create'), per account and minute.
  const rateLimiter = createRateLimiter(service, { limit: options.createsPerMinute ?? 30 });
  const rateLimit = (account: string) => rateLimiter.hit(account, 'create');
  const keys = createIdempotencyKeys(service, { lockTimeoutMs: options.idempotencyLockTimeoutMs });
  const apiKeys = options.serverApiKeys ?? [];
  const isApiKey = createApiKeyMatcher(apiKeys);
  const serverBase = `${base}${SERVER_API_PREFIX}/`;
  const app = new Hono<{ Variables: { account: string } }>();

  if (options.corsOrigins?.length) {
    app.use(
      `${base}/*`,
      cors({
        origin: options.corsOrigins,
        allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key'],
        credentials: true,
      }),
    );
  }

  app.onError((error, c) => {
    const problem = toProblem(error);
    if (problem.status >= 500) console.error(error);
    return c.json(problem.toJSON(), problem.status as 400, {
      ...problem.headers,
      'Content-Type': 'application/problem+json',
    });
  });
  app.notFound((c) =>
    c.json(new ProblemError(404, 'not_found', 'No such operation').toJSON(), 404, {
      'Content-Type': 'application/problem+json',
    }),
  );

  // Every request has a deadline; a statement over it is cancelled by the database too.
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  app.use(`${base}/*`, timeout(requestTimeoutMs));
  // A NUL character (PostgreSQL's text cannot hold one) in the path or query: 400, unread.
  app.use(`${base}/*`, async (c, next) => {
    assertNoNulInUrl(c.req.url);
    await next();
  });
  // No body over the limit is read in full (Content-Length first, else while streaming): 413.
  app.use(
    `${base}/*`,
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw bodyTooLarge();
      },
    }),
  );
  const limitAccount = createAccountLimiter({
    concurrency: options.concurrentRequestsPerAccount ?? 4,
    maxQueued: 256,
    maxWaitMs: requestTimeoutMs,
  });
  mountServerApi(app, {
    service,
    keys,
    base,
    apiKeys,
    onNewAccount: options.onNewAccount,
  });
  app.use(`${base}/*`, async (c, next) => {
    // The Server API authenticates by its own key (serverApiRoutes), never by a browser's token.
    if (c.req.path.startsWith(serverBase)) return next();
    // …and its key is never accepted here: a leaked key must not act as a signed-in user.
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (c.req.header(API_KEY_HEADER) !== undefined || isApiKey(bearer)) {
      throw new ProblemError(
        401,
        'unauthenticated',
        'Sign in required',
        'The Server API key is accepted only by the Server API; browser operations take the user’s token.',
      );
    }
    const account = await resolveAccount(c.req.raw);
    if (!account) throw new ProblemError(401, 'unauthenticated', 'Sign in required');
    if ((await service.ensureAccount(account)) && options.onNewAccount)
      await options.onNewAccount(account);
    c.set('account', account);
    await limitAccount(account, next);
  });

  app.get(`${base}/config`, (c) =>
    c.json({
      apiVersion: CONTRACT_VERSION,
      mode: service.mode,
      stripePublishableKey: options.stripe?.publishableKey ?? null,
      currency: 'USD',
      limits,
      events: options.events !== undefined,
      autoRecharge: true,
    }),
  );

  // The account's live stream (src/live): held open, so it is not one of the account's
  // concurrent requests once answered; the hub limits streams per account itself.
  app.get(`${base}/events`, (c) => {
    if (!options.events) throw new ProblemError(404, 'not_found', 'No such operation');
    return options.events.open(c.get('account'), c.req.header('last-event-id'), c.req.raw.signal);
  });

  app.post('/webhooks/stripe', ...stripeWebhookRoute(service, options.stripe));

  app.get(`${base}/balance`, async (c) => {
    await service.settleDue(c.get('account'));
    await service.expireHolds(c.get('account'));
    return c.json(await service.balance(c.get('account')));
  });

  app.get(`${base}/transactions`, async (c) => {
    const account = c.get('account');
    await service.settleDue(account);
    const params = query(transactionQuerySchema, c.req.url);
    const size = Math.min(params.limit ?? limits.defaultPageSize, limits.maxPageSize);
    return c.json(await service.transactionPage(account, params, size));
  });

  app.get(`${base}/usage/websites`, async (c) => {
    const params = query(usageQuerySchema, c.req.url);
    const size = Math.min(params.limit ?? limits.defaultPageSize, limits.maxPageSize);
    return c.json(await service.usageByWebsite(c.get('account'), params, size));
  });

  app.get(`${base}/usage/series`, async (c) =>
    c.json(await service.usageSeries(c.get('account'), query(usageSeriesQuerySchema, c.req.url))),
  );

  app.get(`${base}/packages`, (c) => c.json({ data: PACKAGES }));
  mountAutoRecharge(app, { service, base });

  app.post(`${base}/purchases`, async (c) => {
    const account = c.get('account');
    const input = await readBody(c.req.raw);
    const key = c.req.header('idempotency-key');
    const result = await keys.run(account, 'purchase', key, input, async () => {
      await rateLimit(account);
      return {
        status: 201,
        body: await service.createPurchase(account, parse(createPurchaseBodySchema, input), key),
      };
    });
    return reply(c as never, result);
  });

  app.get(`${base}/purchases/:id`, async (c) =>
    c.json(await service.getPurchase(c.get('account'), c.req.param('id'))),
  );

  app.get(`${base}/payment-methods`, async (c) =>
    c.json(await service.listMethods(c.get('account'))),
  );

  app.post(`${base}/setup-intents`, async (c) => {
    const account = c.get('account');
    const key = c.req.header('idempotency-key');
    const result = await keys.run(account, 'setup', key, null, async () => {
      await rateLimit(account);
      return { status: 201, body: await service.createSetupIntent(account, key) };
    });
    return reply(c as never, result);
  });

  app.post(`${base}/payment-methods/:id/default`, async (c) =>
    c.json(await service.setDefaultPaymentMethod(c.get('account'), c.req.param('id'))),
  );

  app.delete(`${base}/payment-methods/:id`, async (c) =>
    c.json(
      await service.deletePaymentMethod(
        c.get('account'),
        c.req.param('id'),
        c.req.query('newDefaultId') || undefined,
      ),
    ),
  );

  app.post(`${base}/sandbox/purchases/:id/confirm`, async (c) => {
    const input = parse(sandboxConfirmBodySchema, await readBody(c.req.raw));
    return c.json(await service.sandboxConfirmPurchase(c.get('account'), c.req.param('id'), input));
  });
  app.post(`${base}/sandbox/purchases/:id/authenticate`, async (c) => {
    const { outcome } = parse(sandboxAuthenticateBodySchema, await readBody(c.req.raw));
    return c.json(
      await service.sandboxAuthenticatePurchase(c.get('account'), c.req.param('id'), outcome),
    );
  });
  app.post(`${base}/sandbox/setup-intents/:id/confirm`, async (c) => {
    const input = parse(sandboxConfirmBodySchema, await readBody(c.req.raw));
    return c.json(
      await service.sandboxConfirmSetupIntent(
        c.get('account'),
        c.req.param('id'),
        input.paymentMethod,
      ),
    );
  });
  app.post(`${base}/sandbox/setup-intents/:id/authenticate`, async (c) => {
    const { outcome } = parse(sandboxAuthenticateBodySchema, await readBody(c.req.raw));
    return c.json(
      await service.sandboxAuthenticateSetupIntent(c.get('account'), c.req.param('id'), outcome),
    );
  });

  return app;
}
