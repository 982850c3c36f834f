import {
  CONTRACT_VERSION,
  createPurchaseBodySchema,
  sandboxAuthenticateBodySchema,
  sandboxConfirmBodySchema,
  type TransactionPage,
  type UsageByWebsite,
} from 'credits-core';
import {
  mediaTypeProblem,
  searchParamsObject,
  transactionQuerySchema,
  usageQuerySchema,
  validateRequest,
} from 'credits-core/server';
import { type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { timeout } from 'hono/timeout';
import * as v from 'valibot';
import { demoAccountResolver } from './auth/createAccountResolver.js';
import { createAccountLimiter } from './createAccountLimiter.js';
import { type CreditsService, PACKAGES } from './createCreditsService.js';
import { createIdempotencyKeys } from './createIdempotencyKeys.js';
import { createRateLimiter } from './createRateLimiter.js';
import type { StripeClient } from './createStripeGateway.js';
import { ProblemError } from './ProblemError.js';
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
  /** With Stripe: the client (for webhook signatures), the webhook secret and the publishable key. */
  stripe?: { client: StripeClient; webhookSecret: string; publishableKey?: string };
}

function parse<TSchema extends v.GenericSchema>(
  schema: TSchema,
  body: unknown,
): v.InferOutput<TSchema> {
  const result = validateRequest(schema, body);
  if (result.success) return result.output;
  throw ProblemError.invalidFields('Invalid request body', result.errors);
}

/** The query, validated by the contract's rule for it (400 naming every wrong parameter). */
function query<TSchema extends v.GenericSchema>(
  schema: TSchema,
  url: string,
): v.InferOutput<TSchema> {
  const result = validateRequest(schema, searchParamsObject(new URL(url).searchParams));
  if (result.success) return result.output;
  throw ProblemError.invalidFields('Invalid query parameters', result.errors);
}

interface Cursor {
  s: number;
  f: string;
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
  const limitAccount = createAccountLimiter({
    concurrency: options.concurrentRequestsPerAccount ?? 4,
    maxQueued: 256,
    maxWaitMs: requestTimeoutMs,
  });
  app.use(`${base}/*`, async (c, next) => {
    const account = await resolveAccount(c.req.raw);
    if (!account) throw new ProblemError(401, 'unauthenticated', 'Sign in required');
    if ((await service.ensureAccount(account)) && options.onNewAccount)
      await options.onNewAccount(account);
    c.set('account', account);
    await limitAccount(account, next);
  });

  const body = async (request: Request) => {
    const text = await request.text();
    if (text === '') return undefined;
    const refused = mediaTypeProblem(request.headers.get('content-type'));
    if (refused) {
      const { status, code, title, detail, errors } = refused;
      throw new ProblemError(status, code, title, detail, undefined, errors);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ProblemError(400, 'validation_failed', 'Invalid JSON body');
    }
  };

  const reply = (
    c: { json: (body: never, status: never, headers?: Record<string, string>) => Response },
    result: { status: number; body: unknown },
  ) =>
    c.json(
      result.body as never,
      result.status as never,
      result.status >= 400 ? { 'Content-Type': 'application/problem+json' } : undefined,
    );

  app.get(`${base}/config`, (c) =>
    c.json({
      apiVersion: CONTRACT_VERSION,
      mode: service.mode,
      stripePublishableKey: options.stripe?.publishableKey ?? null,
      currency: 'USD',
      limits,
    }),
  );

  /**
   * Stripe webhooks: the signature is checked on the raw body before anything happens. A
   * request without a signature header is refused unread, and no body over 1 MiB is read in
   * full (Stripe's events are a few KB), so unsigned traffic costs next to nothing.
   */
  const webhookBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new ProblemError(413, 'validation_failed', 'Webhook body too large');
    },
  });
  app.post('/webhooks/stripe', webhookBodyLimit, async (c) => {
    const stripe = options.stripe;
    if (!stripe) throw new ProblemError(404, 'not_found', 'Stripe is not configured');
    if (!c.req.header('stripe-signature'))
      throw new ProblemError(400, 'validation_failed', 'Missing webhook signature');
    const payload = await c.req.text();
    let event: { type: string; data: { object: Record<string, unknown> } };
    try {
      event = (await stripe.client.webhooks.constructEventAsync(
        payload,
        c.req.header('stripe-signature') ?? '',
        stripe.webhookSecret,
      )) as never;
    } catch {
      throw new ProblemError(400, 'validation_failed', 'Invalid webhook signature');
    }
    await service.handleStripeEvent(event);
    return c.json({ received: true });
  });

  app.get(`${base}/balance`, async (c) => {
    await service.settleDue(c.get('account'));
    return c.json(await service.balance(c.get('account')));
  });

  app.get(`${base}/transactions`, async (c) => {
    const account = c.get('account');
    await service.settleDue(account);
    const params = query(transactionQuerySchema, c.req.url);
    const limit = params.limit ?? limits.defaultPageSize;
    const { type: types, websiteId, from, to } = params;
    const search = params.search?.trim() || undefined;
    const signature = JSON.stringify([
      [...types].sort(),
      websiteId ?? '',
      from ?? '',
      to ?? '',
      search ?? '',
    ]);
    const conditions: SQL[] = [sql`account_id = ${account}`];
    const cursorText = params.cursor;
    if (cursorText) {
      let cursor: Cursor | undefined;
      try {
        cursor = JSON.parse(Buffer.from(cursorText, 'base64url').toString('utf8')) as Cursor;
      } catch {
        cursor = undefined;
      }
      if (!cursor || !Number.isInteger(cursor.s) || cursor.f !== signature) {
        throw ProblemError.invalid(
          'cursor',
          'Invalid cursor',
          'The cursor is malformed or belongs to other filters.',
        );
      }
      conditions.push(sql`seq < ${cursor.s}`);
    }
    if (types.length)
      conditions.push(
        sql`type IN (${sql.join(
          types.map((type) => sql`${type}`),
          sql`, `,
        )})`,
      );
    if (websiteId) conditions.push(sql`website_id = ${websiteId}`);
    if (from) conditions.push(sql`created_at >= ${new Date(from).toISOString()}`);
    if (to) conditions.push(sql`created_at < ${new Date(to).toISOString()}`);
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      conditions.push(
        sql`(description ILIKE ${pattern} OR coalesce(website_name, '') ILIKE ${pattern})`,
      );
    }
    const size = Math.min(limit, limits.maxPageSize);
    const found = await service.rows(
      sql`SELECT * FROM transactions WHERE ${sql.join(conditions, sql` AND `)} ORDER BY seq DESC LIMIT ${size + 1}`,
    );
    const page = found.slice(0, size);
    const last = page.at(-1);
    const result: TransactionPage = {
      data: page.map(service.toTransaction),
      nextCursor:
        found.length > size && last
          ? Buffer.from(JSON.stringify({ s: Number(last.seq), f: signature })).toString('base64url')
          : null,
    };
    return c.json(result);
  });

  app.get(`${base}/usage/websites`, async (c) => {
    const params = query(usageQuerySchema, c.req.url);
    const to = params.to ? new Date(params.to) : new Date();
    const from = params.from ? new Date(params.from) : new Date(to.getTime() - 30 * 86_400_000);
    const found =
      await service.rows(sql`SELECT website_id, max(website_name) AS name, max(website_url) AS url,
        -sum(amount) AS credits, count(*) AS n
      FROM transactions WHERE account_id = ${c.get('account')} AND type = 'usage' AND website_id IS NOT NULL
        AND created_at >= ${from.toISOString()} AND created_at < ${to.toISOString()}
      GROUP BY website_id ORDER BY credits DESC, website_id`);
    const data = found.map((row) => ({
      website: {
        id: String(row.website_id),
        name: String(row.name ?? row.website_id),
        url: (row.url as string | null) ?? null,
      },
      credits: Number(row.credits),
      transactionCount: Number(row.n),
    }));
    const result: UsageByWebsite = {
      from: from.toISOString(),
      to: to.toISOString(),
      totalCredits: data.reduce((sum, entry) => sum + entry.credits, 0),
      data,
    };
    return c.json(result);
  });

  app.get(`${base}/packages`, (c) => c.json({ data: PACKAGES }));

  app.post(`${base}/purchases`, async (c) => {
    const account = c.get('account');
    const input = await body(c.req.raw);
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
    const input = parse(sandboxConfirmBodySchema, await body(c.req.raw));
    return c.json(await service.sandboxConfirmPurchase(c.get('account'), c.req.param('id'), input));
  });
  app.post(`${base}/sandbox/purchases/:id/authenticate`, async (c) => {
    const { outcome } = parse(sandboxAuthenticateBodySchema, await body(c.req.raw));
    return c.json(
      await service.sandboxAuthenticatePurchase(c.get('account'), c.req.param('id'), outcome),
    );
  });
  app.post(`${base}/sandbox/setup-intents/:id/confirm`, async (c) => {
    const input = parse(sandboxConfirmBodySchema, await body(c.req.raw));
    return c.json(
      await service.sandboxConfirmSetupIntent(
        c.get('account'),
        c.req.param('id'),
        input.paymentMethod,
      ),
    );
  });
  app.post(`${base}/sandbox/setup-intents/:id/authenticate`, async (c) => {
    const { outcome } = parse(sandboxAuthenticateBodySchema, await body(c.req.raw));
    return c.json(
      await service.sandboxAuthenticateSetupIntent(c.get('account'), c.req.param('id'), outcome),
    );
  });

  /**
   * The usage API — an addition beside the contract, for the host's own
   * backend: spend credits ("Website generation"), idempotently.
   */
  const usageBody = v.object({
    credits: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
    description: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
    websiteId: v.optional(v.string()),
    websiteName: v.optional(v.string()),
    websiteUrl: v.optional(v.string()),
  });
  app.post(`${base}/usage`, async (c) => {
    const account = c.get('account');
    const input = await body(c.req.raw);
    // Usage events are not rate-limited here: card testing goes through purchases and card setups.
    const result = await keys.spend(account, c.req.header('idempotency-key'), input, () => {
      const usage = parse(usageBody, input);
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

  return app;
}
