import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { createStripeStore, type StoreEvent } from './createStripeStore.js';
import { type FormFields, formObject, parseForm } from './formBody.js';
import { StripeApiError } from './stripeErrors.js';
import { newEvent } from './stripeObjects.js';

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

interface WebhookEndpoint {
  url: string;
  secret: string;
}

const signer = new Stripe('sk_test_signer', { telemetry: false });

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
  const events: Stripe.Event[] = [];
  const endpoints: WebhookEndpoint[] = [];
  const deliveries = new Set<Promise<unknown>>();
  let current: { id: string; idempotencyKey: string | null } | null = null;
  let eventCounter = 0;

  /** Stripe's webhooks: every endpoint gets every event, signed, after the request that made it. */
  const store = createStripeStore({
    livemode,
    emit({ type, object }: StoreEvent) {
      const event = newEvent(
        `evt_${(++eventCounter).toString(36).padStart(6, '0')}${Math.random().toString(36).slice(2, 8)}`,
        livemode,
        type,
        object,
        current ? { id: current.id, idempotency_key: current.idempotencyKey } : null,
      ) as Stripe.Event;
      events.push(event);
      for (const endpoint of endpoints) {
        const delivery = new Promise((resolve) => setImmediate(resolve))
          .then(() => deliver(endpoint, event))
          .catch(() => undefined)
          .finally(() => deliveries.delete(delivery));
        deliveries.add(delivery);
      }
    },
  });

  /** https://docs.stripe.com/webhooks#verify-events: the `Stripe-Signature` header over the raw body. */
  function deliver(endpoint: WebhookEndpoint, event: Stripe.Event | Record<string, unknown>) {
    const payload = JSON.stringify(event);
    const signature = signer.webhooks.generateTestHeaderString({
      payload,
      secret: endpoint.secret,
    });
    return fetch(endpoint.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
      body: payload,
    });
  }

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
      const key = authenticate(req.headers.authorization);
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

  /** https://docs.stripe.com/keys: a secret or restricted key, or the publishable key for Stripe.js's calls. */
  function authenticate(header: string | undefined): 'secret' | 'publishable' {
    const key = header?.replace(/^Bearer\s+/i, '');
    if (!key) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message:
          'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
      });
    }
    if (key === secretKey) return 'secret';
    if (key === publishableKey) return 'publishable';
    throw new StripeApiError(401, {
      type: 'invalid_request_error',
      message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
    });
  }

  /** A publishable key may only read or confirm an intent whose client secret it sends (Stripe.js). */
  function clientSide(
    key: 'secret' | 'publishable',
    fields: FormFields,
    intent: { client_secret: string | null },
  ) {
    if (key === 'secret') return;
    if (fields.client_secret !== intent.client_secret) {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message:
          'This API call cannot be made with a publishable API key without the client secret. Please use a secret API key.',
      });
    }
  }
  const secretOnly = (key: 'secret' | 'publishable') => {
    if (key !== 'secret') {
      throw new StripeApiError(401, {
        type: 'invalid_request_error',
        message:
          'This API call cannot be made with a publishable API key. Please use a secret API key.',
      });
    }
  };

  function route(
    method: string,
    path: string,
    input: { body: FormFields; query: FormFields; key: 'secret' | 'publishable' },
  ): unknown {
    const { body, query, key } = input;
    const [version, resource, id, action, ...rest] = path.split('/').filter(Boolean);
    const at = (verb: string, name: string, hasId: boolean, act?: string) =>
      method === verb &&
      resource === name &&
      Boolean(id) === hasId &&
      action === act &&
      rest.length === 0;
    if (version !== 'v1') throw unknownRoute(method, path);
    if (at('GET', 'payment_intents', true)) {
      const intent = store.paymentIntents.retrieve(id!);
      clientSide(key, query, intent);
      return intent;
    }
    if (at('POST', 'payment_intents', true, 'confirm')) {
      clientSide(key, body, store.paymentIntents.retrieve(id!));
      return store.paymentIntents.confirm(id!, body.payment_method);
    }
    if (at('GET', 'setup_intents', true)) {
      const intent = store.setupIntents.retrieve(id!);
      clientSide(key, query, intent);
      return intent;
    }
    if (at('POST', 'setup_intents', true, 'confirm')) {
      clientSide(key, body, store.setupIntents.retrieve(id!));
      return store.setupIntents.confirm(id!, body.payment_method);
    }
    secretOnly(key);
    if (at('POST', 'customers', false)) {
      return store.customers.create({
        metadata: formObject(body, 'metadata'),
        email: body.email,
        name: body.name,
        description: body.description,
      });
    }
    if (at('GET', 'customers', true)) return store.customers.retrieve(id!);
    if (at('POST', 'customers', true)) {
      return store.customers.update(id!, {
        defaultPaymentMethod: body['invoice_settings[default_payment_method]'],
        metadata: 'metadata' in body ? {} : formObject(body, 'metadata'),
      });
    }
    if (at('GET', 'customers', true, 'payment_methods')) {
      return store.paymentMethods.list(id!, query, `/v1/customers/${id}/payment_methods`);
    }
    if (at('GET', 'payment_methods', false)) {
      if (!query.customer) {
        // Listing without a customer lists Treasury methods only; the kit always names one.
        return { object: 'list', data: [], has_more: false, url: '/v1/payment_methods' };
      }
      return store.paymentMethods.list(query.customer, query, '/v1/payment_methods');
    }
    if (at('GET', 'payment_methods', true)) return store.paymentMethods.retrieve(id!);
    if (at('POST', 'payment_methods', true, 'attach')) {
      return store.paymentMethods.attach(id!, body.customer ?? '');
    }
    if (at('POST', 'payment_methods', true, 'detach')) return store.paymentMethods.detach(id!);
    if (at('POST', 'payment_intents', false)) {
      const automatic = body['automatic_payment_methods[enabled]'] === 'true';
      return store.paymentIntents.create({
        amount: Number(body.amount),
        currency: body.currency ?? '',
        customer: body.customer ?? null,
        metadata: formObject(body, 'metadata'),
        setup_future_usage:
          (body.setup_future_usage as 'off_session' | 'on_session' | undefined) ?? null,
        automatic,
        description: body.description ?? null,
        payment_method: body.payment_method,
        confirm: body.confirm === 'true',
      });
    }
    if (at('POST', 'setup_intents', false)) {
      return store.setupIntents.create({
        customer: body.customer ?? null,
        metadata: formObject(body, 'metadata'),
        usage: body.usage,
        automatic: body['automatic_payment_methods[enabled]'] === 'true',
        payment_method: body.payment_method,
        confirm: body.confirm === 'true',
      });
    }
    if (at('GET', 'events', true)) {
      const event = events.find((candidate) => candidate.id === id);
      if (!event)
        throw new StripeApiError(404, {
          type: 'invalid_request_error',
          code: 'resource_missing',
          param: 'id',
          message: `No such event: '${id}'`,
        });
      return event;
    }
    throw unknownRoute(method, path);
  }

  const unknownRoute = (method: string, path: string) =>
    new StripeApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). The stand-in models only the calls the credits kit makes.`,
    });

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
    events,
    /** What Stripe holds (as its dashboard shows it), for assertions. */
    paymentIntents: () => store.allPaymentIntents(),
    paymentMethods: () => store.allPaymentMethods(),
    customers: () => store.allCustomers(),
    /** The PaymentIntent created for a purchase, found by its metadata (as the dashboard's search would). */
    paymentIntentFor(purchaseId: string): Stripe.PaymentIntent | undefined {
      return store.allPaymentIntents().find((intent) => intent.metadata.purchaseId === purchaseId);
    },
    /** Sends every event from now on to `url`, signed with `secret` (a webhook endpoint). */
    addWebhookEndpoint(url: string, secret: string) {
      endpoints.push({ url, secret });
    },
    /** Resolves once every webhook delivery started so far has been answered. */
    async webhooksDelivered() {
      while (deliveries.size > 0) await Promise.all([...deliveries]);
    },
    /**
     * Sends a hand-made event to every endpoint, signed (for objects the stand-in does not
     * model, such as charges and disputes).
     */
    async sendEvent(type: Stripe.Event['type'], object: Record<string, unknown>) {
      const event = newEvent(
        `evt_manual_${++eventCounter}`,
        livemode,
        type,
        object as unknown as Stripe.Event.Data['object'],
        null,
      ) as Stripe.Event;
      return Promise.all(endpoints.map((endpoint) => deliver(endpoint, event)));
    },
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
      await Promise.all([...deliveries]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type StripeStandIn = Awaited<ReturnType<typeof startStripeStandIn>>;
