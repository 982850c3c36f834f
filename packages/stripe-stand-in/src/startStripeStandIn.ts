import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Stripe from 'stripe';
import { answerChallenge } from './answerChallenge.js';
import { createKeyCheck } from './apiKeys.js';
import { createApiRouter } from './createApiRouter.js';
import { createStripeStore } from './createStripeStore.js';
import { createWebhookSender } from './createWebhookSender.js';
import { type FormFields, parseForm } from './formBody.js';
import { StripeApiError } from './stripeErrors.js';

export interface StripeStandInOptions {
  /** The secret key the server must send (default `sk_test_standin`); `sk_live_…`/`rk_live_…` make a live-mode stand-in. */
  secretKey?: string;
  /** The key Stripe.js sends (default `pk_test_standin`): only the client-side calls accept it. */
  publishableKey?: string;
  /** Where to listen on 127.0.0.1 (default: any free port). */
  port?: number;
}

export interface StripeRequest {
  method: string;
  path: string;
  query: FormFields;
  body: FormFields;
  idempotencyKey: string | undefined;
  /** Answered from the idempotency record, not run again. */
  replayed: boolean;
}

/**
 * A local stand-in for the parts of Stripe's HTTP API the credits kit uses (customers,
 * PaymentMethods, PaymentIntents, SetupIntents, events and signed webhooks), for tests,
 * stories and the demo. The official SDK talks to it:
 * `new Stripe(key, { host: '127.0.0.1', port, protocol: 'http' })`.
 *
 * It proves only that the code agrees with Stripe's documentation as read here: the rules
 * it follows are named with their doc page in createStripeStore.ts; what only real Stripe
 * proves is listed in the reference server's README.
 */
export async function startStripeStandIn(options: StripeStandInOptions = {}) {
  const secretKey = options.secretKey ?? 'sk_test_standin';
  const publishableKey = options.publishableKey ?? 'pk_test_standin';
  const livemode = /^(sk|rk)_live_/.test(secretKey);
  const requests: StripeRequest[] = [];
  const webhooks = createWebhookSender(livemode);
  let current: { id: string; idempotencyKey: string | null } | null = null;
  const store = createStripeStore({ livemode, emit: (event) => webhooks.emit(event, current) });
  const keys = createKeyCheck({ secretKey, publishableKey });
  const route = createApiRouter(store, webhooks.events, keys);

  /**
   * https://docs.stripe.com/api/idempotent_requests: a POST's result is saved under its key
   * (24 hours in Stripe) and replayed for the same key and parameters; the same key with other
   * parameters (or on another endpoint) is 400 idempotency_error. Only requests that started
   * executing are saved (here: 200s and card errors), never parameter errors.
   */
  const answered = new Map<string, { fingerprint: string; status: number; body: string }>();
  const losses = new Set<RegExp>();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://stripe.local');
    const method = req.method ?? 'GET';
    const body = parseForm(raw);
    const query = parseForm(url.search.slice(1));
    // Stripe.js calls the API from the host's page (https://docs.stripe.com/security/guide#content-security-policy
    // lists api.stripe.com under connect-src), so every answer allows any origin, as
    // api.stripe.com's do (observed: `Access-Control-Allow-Origin: *`; no docs page says so).
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, DELETE',
        'Access-Control-Allow-Headers':
          'Authorization, Content-Type, Idempotency-Key, Stripe-Account, Stripe-Version',
        'Access-Control-Max-Age': '300',
      });
      return void res.end();
    }
    const challenge = /^\/v1\/3ds\/([^/]+)$/.exec(url.pathname);
    if (challenge) {
      const fields = method === 'POST' ? body : query;
      return answerChallenge(res, store, { method, intentId: challenge[1]!, fields });
    }
    const idempotencyKey = (req.headers['idempotency-key'] as string | undefined) ?? undefined;
    const record: StripeRequest = {
      method,
      path: url.pathname,
      query,
      body,
      idempotencyKey,
      replayed: false,
    };
    requests.push(record);
    const lose = [...losses].some((path) => path.test(url.pathname));
    const requestId = `req_${requests.length.toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    const send = (status: number, text: string, replayed = false) => {
      if (lose) return void res.socket?.destroy();
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Request-Id': requestId,
        ...(idempotencyKey && method === 'POST' ? { 'Idempotency-Key': idempotencyKey } : {}),
        ...(replayed ? { 'Idempotent-Replayed': 'true' } : {}),
      });
      res.end(text);
    };
    const fingerprint = `${method} ${url.pathname} ${raw}`;
    const saved = idempotencyKey && method === 'POST' ? answered.get(idempotencyKey) : undefined;
    if (saved) {
      if (saved.fingerprint !== fingerprint) {
        return send(
          400,
          JSON.stringify({
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          }),
        );
      }
      record.replayed = true;
      return send(saved.status, saved.body, true);
    }
    let status = 200;
    let answer: unknown;
    try {
      const key = keys.authenticate(req.headers.authorization, body.key ?? query.key);
      current = { id: requestId, idempotencyKey: idempotencyKey ?? null };
      answer = route(method, url.pathname, { body, query, key });
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      status = error.status;
      answer = {
        error: {
          ...error.body,
          request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}`,
        },
      };
    } finally {
      current = null;
    }
    const text = JSON.stringify(answer);
    if (idempotencyKey && method === 'POST' && (status === 200 || status === 402)) {
      answered.set(idempotencyKey, { fingerprint, status, body: text });
    }
    send(status, text);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  /** Stripe.js's calls, made as the browser makes them: with the publishable key and the client secret. */
  async function asBrowser(
    path: string,
    clientSecret: string,
    fields: Record<string, string> = {},
  ) {
    const response = await fetch(`${origin}${path}`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${publishableKey}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ client_secret: clientSecret, ...fields }).toString(),
    });
    return (await response.json()) as Record<string, unknown>;
  }
  const intentIdOf = (clientSecret: string) => clientSecret.split('_secret_')[0]!;

  return {
    port,
    origin,
    secretKey,
    publishableKey,
    livemode,
    /** Options for `new Stripe(secretKey, …)` that point the SDK here. */
    clientOptions: { host: '127.0.0.1', port, protocol: 'http' as const },
    /** Every request, in order. */
    requests,
    /** Every event raised, in order. */
    events: webhooks.events,
    /** Every signed webhook delivery and the endpoint's HTTP status, in order. */
    webhookDeliveries: webhooks.delivered,
    /** What Stripe holds (as its dashboard shows it), for assertions. */
    paymentIntents: () => store.allPaymentIntents(),
    paymentMethods: () => store.allPaymentMethods(),
    customers: () => store.allCustomers(),
    /** The PaymentIntent created for a purchase, found by its metadata (as the dashboard's search would). */
    paymentIntentFor(purchaseId: string): Stripe.PaymentIntent | undefined {
      return store.allPaymentIntents().find((intent) => intent.metadata.purchaseId === purchaseId);
    },
    /** Sends every event from now on to `url`, signed with `secret` (a webhook endpoint). */
    addWebhookEndpoint: (url: string, secret: string) => webhooks.addEndpoint(url, secret),
    /** Resolves once every webhook delivery started so far has been answered. */
    webhooksDelivered: () => webhooks.settled(),
    /**
     * Sends a hand-made event to every endpoint, signed (for objects the stand-in does not
     * model, such as charges and disputes).
     */
    sendEvent: (type: Stripe.Event['type'], object: Record<string, unknown>) =>
      webhooks.send(type, object),
    /** Stripe.js `confirmPayment` / `confirmCardPayment` with a test card token. */
    confirmPaymentAsBrowser: (clientSecret: string, paymentMethod: string) =>
      asBrowser(`/v1/payment_intents/${intentIdOf(clientSecret)}/confirm`, clientSecret, {
        payment_method: paymentMethod,
      }),
    /** Stripe.js `confirmSetup` with a test card token. */
    confirmSetupAsBrowser: (clientSecret: string, paymentMethod: string) =>
      asBrowser(`/v1/setup_intents/${intentIdOf(clientSecret)}/confirm`, clientSecret, {
        payment_method: paymentMethod,
      }),
    /** The customer's 3D Secure challenge (Stripe.js `handleNextAction`), completed or failed. */
    authenticate: (intentId: string, outcome: 'complete' | 'fail') =>
      store.authenticate(intentId, outcome),
    /**
     * Until the returned function is called, requests to a matching path are processed but the
     * connection drops before the response (a network failure after Stripe acted).
     */
    loseResponses(path: RegExp) {
      losses.add(path);
      return () => void losses.delete(path);
    },
    async close() {
      await webhooks.settled();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;
