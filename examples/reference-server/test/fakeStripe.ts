import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sandboxCardForToken } from 'credits-core/sandbox';
import Stripe from 'stripe';

export interface StripeRequest {
  method: string;
  path: string;
  body: Record<string, string>;
  idempotencyKey: string | undefined;
}

type Obj = Record<string, unknown>;

/** The webhook secret the tests' reference servers verify Stripe-Signature with. */
export const WEBHOOK_SECRET = 'whsec_test_reference';

/** `startReferenceServer({ stripeSettings })` for a server that talks to the fake on `port`. */
export const fakeStripeSettings = (port: number) => ({
  secretKey: 'sk_test_fake',
  webhookSecret: WEBHOOK_SECRET,
  publishableKey: 'pk_test_fake',
  host: '127.0.0.1',
  port,
  protocol: 'http' as const,
});

const signer = new Stripe('sk_test_signer', { telemetry: false });

/** Delivers a Stripe event to the server at `origin`, signed as Stripe would (with `secret`). */
export function deliverWebhook(
  origin: string,
  type: string,
  object: unknown,
  secret = WEBHOOK_SECRET,
) {
  const payload = JSON.stringify({
    id: `evt_${Math.random()}`,
    object: 'event',
    type,
    data: { object },
  });
  const signature = signer.webhooks.generateTestHeaderString({ payload, secret });
  return fetch(`${origin}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
    body: payload,
  });
}

/**
 * A local fake of the parts of Stripe's HTTP API the reference server uses,
 * so the official SDK can be tested offline. Test tokens behave as in Stripe's
 * test mode (credits-core/sandbox). Every request is recorded.
 */
export async function startFakeStripe() {
  const requests: StripeRequest[] = [];
  const customers = new Map<string, Obj>();
  const intents = new Map<string, Obj>();
  const setups = new Map<string, Obj>();
  const methods = new Map<string, Obj & { token: string; customer: string | null }>();
  let counter = 0;
  const id = (prefix: string) => `${prefix}_fake${++counter}`;
  /** Stripe's idempotency: a POST with a key seen before gets the first answer again. */
  const answered = new Map<string, { status: number; body: string }>();
  const answerKeys = new WeakMap<ServerResponse, string>();
  /** Paths whose requests are processed but whose responses are lost: see `loseResponses`. */
  const losses = new Set<RegExp>();
  const lost = new WeakSet<ServerResponse>();

  const send = (res: ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body);
    const answerKey = answerKeys.get(res);
    if (answerKey) answered.set(answerKey, { status, body: text });
    if (lost.has(res)) {
      res.socket?.destroy();
      return;
    }
    res.writeHead(status, { 'Content-Type': 'application/json', 'Request-Id': `req_${counter}` });
    res.end(text);
  };
  const cardError = (res: ServerResponse, code: string, intent?: Obj) =>
    send(res, 402, {
      error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: code === 'insufficient_funds' ? 'insufficient_funds' : 'generic_decline',
        message:
          code === 'insufficient_funds'
            ? 'Your card has insufficient funds.'
            : 'Your card was declined.',
        ...(intent ? { payment_intent: intent } : {}),
      },
    });

  const paymentMethod = (token: string, customer: string | null) => {
    const card = sandboxCardForToken(token);
    const pm = {
      id: id('pm'),
      object: 'payment_method',
      type: 'card',
      customer,
      token,
      card: card
        ? {
            brand: card.card.brand,
            last4: card.card.last4,
            exp_month: card.card.expMonth,
            exp_year: card.card.expYear,
            wallet: null,
          }
        : null,
    };
    methods.set(pm.id, pm);
    return pm;
  };

  /** Confirms an intent with a saved method id or a test token, as Stripe test mode does. */
  function confirm(
    intent: Obj,
    method: string,
    res: ServerResponse,
    kind: 'payment' | 'setup',
  ): boolean {
    const saved = methods.get(method);
    const token = saved?.token ?? method;
    const card = sandboxCardForToken(token);
    if (!card) {
      send(res, 400, {
        error: {
          type: 'invalid_request_error',
          code: 'resource_missing',
          message: `No such PaymentMethod: '${method}'`,
        },
      });
      return false;
    }
    const pm = saved ?? paymentMethod(token, kind === 'setup' ? (intent.customer as string) : null);
    intent.payment_method = pm.id;
    if (card.outcome.type === 'declined') {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = {
        code: 'card_declined',
        decline_code: card.outcome.code,
        message: 'declined',
      };
      cardError(res, card.outcome.code, intent);
      return false;
    }
    if (card.outcome.type === 'requires_action') {
      intent.status = 'requires_action';
      return true;
    }
    intent.status = 'succeeded';
    intent.last_payment_error = null;
    if (kind === 'setup' || intent.setup_future_usage) pm.customer = intent.customer as string;
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://stripe.local');
    const body = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const query = Object.fromEntries(url.searchParams);
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      body,
      idempotencyKey: req.headers['idempotency-key'] as string | undefined,
    });
    if ([...losses].some((path) => path.test(url.pathname))) lost.add(res);
    const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
    if (req.method === 'POST' && idempotencyKey) {
      const answerKey = `${url.pathname} ${idempotencyKey}`;
      const first = answered.get(answerKey);
      if (first) {
        if (lost.has(res)) return void res.socket?.destroy();
        res.writeHead(first.status, {
          'Content-Type': 'application/json',
          'Idempotent-Replayed': 'true',
        });
        return void res.end(first.body);
      }
      answerKeys.set(res, answerKey);
    }
    const parts = url.pathname.split('/').filter(Boolean); // v1, resource, id, action
    const [, resource, objectId, action] = parts;
    if (resource === 'customers' && req.method === 'POST' && !objectId) {
      const customer = {
        id: id('cus'),
        object: 'customer',
        invoice_settings: { default_payment_method: null },
        metadata: {},
      };
      customers.set(customer.id, customer);
      return send(res, 200, customer);
    }
    if (resource === 'customers' && objectId) {
      const customer = customers.get(objectId);
      if (!customer)
        return send(res, 404, {
          error: { type: 'invalid_request_error', message: 'No such customer' },
        });
      if (req.method === 'POST' && body['invoice_settings[default_payment_method]']) {
        customer.invoice_settings = {
          default_payment_method: body['invoice_settings[default_payment_method]'],
        };
      }
      return send(res, 200, customer);
    }
    if (resource === 'payment_intents' && req.method === 'POST' && !objectId) {
      const intent: Obj = {
        id: id('pi'),
        object: 'payment_intent',
        amount: Number(body.amount),
        currency: body.currency,
        customer: body.customer,
        metadata: Object.fromEntries(
          Object.entries(body)
            .filter(([key]) => key.startsWith('metadata['))
            .map(([key, value]) => [key.slice(9, -1), value]),
        ),
        setup_future_usage: body.setup_future_usage ?? null,
        status: 'requires_payment_method',
        last_payment_error: null,
      };
      intent.client_secret = `${intent.id}_secret_fake`;
      intents.set(intent.id as string, intent);
      if (
        body.confirm === 'true' &&
        body.payment_method &&
        !confirm(intent, body.payment_method, res, 'payment')
      )
        return;
      return send(res, 200, intent);
    }
    if (resource === 'payment_intents' && objectId) {
      const intent = intents.get(objectId);
      if (!intent)
        return send(res, 404, {
          error: { type: 'invalid_request_error', message: 'No such payment_intent' },
        });
      if (action === 'confirm' && !confirm(intent, body.payment_method ?? '', res, 'payment'))
        return;
      return send(res, 200, intent);
    }
    if (resource === 'setup_intents' && req.method === 'POST' && !objectId) {
      const intent: Obj = {
        id: id('seti'),
        object: 'setup_intent',
        customer: body.customer,
        status: 'requires_payment_method',
        payment_method: null,
      };
      intent.client_secret = `${intent.id}_secret_fake`;
      setups.set(intent.id as string, intent);
      return send(res, 200, intent);
    }
    if (resource === 'setup_intents' && objectId) {
      const intent = setups.get(objectId);
      if (!intent)
        return send(res, 404, {
          error: { type: 'invalid_request_error', message: 'No such setup_intent' },
        });
      if (action === 'confirm' && !confirm(intent, body.payment_method ?? '', res, 'setup')) return;
      return send(res, 200, intent);
    }
    if (resource === 'payment_methods' && req.method === 'GET' && !objectId) {
      const data = [...methods.values()]
        .filter((pm) => pm.customer === query.customer)
        .map(({ token: _token, ...pm }) => pm);
      return send(res, 200, { object: 'list', data, has_more: false, url: '/v1/payment_methods' });
    }
    if (resource === 'payment_methods' && objectId && action === 'detach') {
      const pm = methods.get(objectId);
      if (!pm)
        return send(res, 404, {
          error: { type: 'invalid_request_error', message: 'No such payment_method' },
        });
      pm.customer = null;
      const { token: _token, ...rest } = pm;
      return send(res, 200, rest);
    }
    send(res, 404, {
      error: {
        type: 'invalid_request_error',
        message: `Unknown fake route ${req.method} ${url.pathname}`,
      },
    });
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    requests,
    intents,
    /**
     * Until the returned function is called, requests to a matching path are processed but the
     * connection drops before the response (the SDK's own retries included).
     */
    loseResponses(path: RegExp) {
      losses.add(path);
      return () => void losses.delete(path);
    },
    /** Stripe.js confirmed the payment in the browser. */
    succeed(intentId: string) {
      const intent = intents.get(intentId);
      if (intent) intent.status = 'succeeded';
      return intent;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
