import {
  API_KEY_HEADER,
  assertNoNulInUrl,
  ProblemError,
  parseRequestQuery,
  readJsonBody,
  transactionQuerySchema,
  usageQuerySchema,
  usageSeriesQuerySchema,
} from 'credits-core/server';
import { delay, HttpResponse, type HttpResponseResolver, http } from 'msw';
import { corruptResponse } from './corruptResponse.js';
import { createAutoRechargeHandlers } from './createAutoRechargeHandlers.js';
import { type CreditsBackend, createCreditsBackend } from './createCreditsBackend.js';
import { createEventFeed, type EventStreamBehaviour } from './createEventFeed.js';
import { createOutOfOrderAnswers } from './createOutOfOrderAnswers.js';
import { createServerApiHandlers } from './createServerApiHandlers.js';
import { type CreditsScenario, type CreditsScenarioName, creditsScenarios } from './scenarios.js';

/** Where the handlers mount the contract when no `baseUrl` is given. */
export const DEFAULT_BASE_URL = '/api/credits/v1';

export interface CreditsHandlersOptions {
  /** Absolute (`https://api.example.com/credits/v1`) or a path matched on any origin (default `/api/credits/v1`). */
  baseUrl?: string;
  /** A named scenario or your own. */
  scenario?: CreditsScenarioName | CreditsScenario;
  /** Share one backend between handlers, tests and stories; else one is created from the scenario. */
  backend?: CreditsBackend;
  /** Answer 401 to requests with neither an `Authorization` header nor a cookie. Default false. */
  requireAuth?: boolean;
  /** The Server API's secret key (`X-Api-Key`). Default `DEFAULT_SERVER_API_KEY`. */
  serverApiKey?: string;
  /**
   * Live events: `GET /events` streams the backend's changes and `/config` offers it, with one of
   * the behaviours of createEventFeed (`live`, `dropMidStream`, `gap`, `slow`, `noStream`).
   * Default: the scenario's, else no stream (clients poll).
   */
  events?: EventStreamBehaviour | false;
}

/** The fake's Server API key when none is given: a test secret, never a real one. */
export const DEFAULT_SERVER_API_KEY = 'sk_test_credits_msw_server_api_key';

/** What a handler runs: the request in, a `{ status, body }` out. */
export type Route = (
  request: Request,
  params: Record<string, string>,
  url: URL,
) => unknown | Promise<unknown>;

const problem = (error: ProblemError) =>
  HttpResponse.json(error.toJSON(), {
    status: error.status,
    headers: { 'Content-Type': 'application/problem+json' },
  });

/** hang: never answers. Ends (with a network error nobody reads) when the client aborts; no timer. */
const neverAnswer = (signal: AbortSignal) =>
  new Promise<Response>((resolve) => {
    const end = () => resolve(HttpResponse.error());
    if (signal.aborted) end();
    else signal.addEventListener('abort', end, { once: true });
  });

/**
 * MSW handlers implementing the whole credits contract over a stateful
 * in-memory backend. Works with `setupServer` (Node) and `setupWorker` (browser).
 */
export function createCreditsHandlers(options: CreditsHandlersOptions = {}) {
  const scenario: CreditsScenario =
    typeof options.scenario === 'string'
      ? creditsScenarios[options.scenario]
      : (options.scenario ?? {});
  const backend = options.backend ?? createCreditsBackend(scenario.backend);
  const base = (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, '');
  const behaviour = options.events ?? scenario.events ?? false;
  const feed = behaviour ? createEventFeed(backend, behaviour) : undefined;
  const url = (path: string) => (/^https?:/.test(base) ? `${base}${path}` : `*${base}${path}`);

  const key = (request: Request) => request.headers.get('idempotency-key');
  const serverApiKey = options.serverApiKey ?? DEFAULT_SERVER_API_KEY;
  // dropAfterWrite: the writes whose answer was already lost once.
  const dropped = new Set<string>();
  const answerInOrder = scenario.outOfOrder ? createOutOfOrderAnswers() : undefined;

  const answer = async (
    run: Route,
    request: Request,
    params: Record<string, string>,
    href: URL,
    write: boolean,
    serverApi: boolean,
  ): Promise<Response> => {
    try {
      assertNoNulInUrl(request.url);
      const apiKey = request.headers.get(API_KEY_HEADER);
      if (serverApi) {
        // The Server API takes its secret key only: a browser's token never stands in for it.
        if (apiKey !== serverApiKey)
          throw new ProblemError(401, 'unauthenticated', 'Server API key required');
      } else {
        const authorized = request.headers.has('authorization') || request.headers.has('cookie');
        // …and the key is never accepted by the browser's operations.
        if (scenario.unauthenticated || apiKey !== null || (options.requireAuth && !authorized)) {
          throw new ProblemError(401, 'unauthenticated', 'Sign in required');
        }
      }
      if (scenario.serverError)
        throw new ProblemError(500, 'internal_error', 'Internal server error');
      if (write && scenario.readOnly) {
        throw new ProblemError(
          403,
          'forbidden',
          'Not allowed',
          'This account may view credits but not buy them or change cards.',
        );
      }
      backend.tick();
      const result = (await run(request, params, href)) as {
        status: number;
        body: unknown;
      };
      if (result.status >= 400) {
        const body = result.body as ReturnType<ProblemError['toJSON']>;
        return HttpResponse.json(body, {
          status: result.status,
          headers: { 'Content-Type': 'application/problem+json' },
        });
      }
      if (write && scenario.dropAfterWrite) {
        // The backend did the work; the connection drops before the answer, once per attempt.
        const attempt = key(request) ?? `${request.method} ${href.pathname}${href.search}`;
        if (!dropped.has(attempt)) {
          dropped.add(attempt);
          return HttpResponse.error();
        }
      }
      const body = scenario.malformed ? corruptResponse(href.pathname, result.body) : result.body;
      return HttpResponse.json(body as never, { status: result.status });
    } catch (error) {
      if (error instanceof ProblemError) return problem(error);
      throw error;
    }
  };

  const route =
    (run: Route, write = false, serverApi = false): HttpResponseResolver =>
    async ({ request, params }) => {
      if (scenario.hang) return neverAnswer(request.signal);
      if (scenario.latencyMs) await delay(scenario.latencyMs);
      const href = new URL(request.url);
      // Computed now, from the backend's state at arrival, even when it is sent late.
      const response = await answer(
        run,
        request,
        params as Record<string, string>,
        href,
        write,
        serverApi,
      );
      // Whatever the request changed goes out on the open event streams.
      feed?.check();
      if (!answerInOrder || write || serverApi) return response;
      return answerInOrder(href.pathname, request.signal, response);
    };

  return [
    http.get(
      url('/config'),
      route(() => {
        const result = backend.config();
        return { ...result, body: { ...(result.body as object), events: Boolean(feed) } };
      }),
    ),
    http.get(url('/events'), async ({ request }) => {
      const href = new URL(request.url);
      const response = await answer(
        () => {
          if (!feed) throw new ProblemError(404, 'not_found', 'No such operation');
          return { status: 200, body: null };
        },
        request,
        {},
        href,
        false,
        false,
      );
      if (response.status !== 200) return response;
      try {
        return feed!.open(request.headers.get('last-event-id'), request.signal);
      } catch (error) {
        if (error instanceof ProblemError) return problem(error);
        throw error;
      }
    }),
    http.get(
      url('/balance'),
      route(() => backend.balance()),
    ),
    http.get(
      url('/transactions'),
      route((_, __, href) =>
        backend.listTransactions(parseRequestQuery(transactionQuerySchema, href)),
      ),
    ),
    http.get(
      url('/usage/websites'),
      route((_, __, href) => backend.usageByWebsite(parseRequestQuery(usageQuerySchema, href))),
    ),
    http.get(
      url('/usage/series'),
      route((_, __, href) => backend.usageSeries(parseRequestQuery(usageSeriesQuerySchema, href))),
    ),
    http.get(
      url('/packages'),
      route(() => backend.packages()),
    ),
    http.post(
      url('/purchases'),
      route(
        async (request) => backend.createPurchase(await readJsonBody(request), key(request)),
        true,
      ),
    ),
    http.get(
      url('/purchases/:purchaseId'),
      route((_, params) => backend.getPurchase(params.purchaseId ?? '')),
    ),
    http.get(
      url('/payment-methods'),
      route(() => backend.paymentMethods()),
    ),
    http.post(
      url('/setup-intents'),
      route((request) => backend.createSetupIntent(key(request)), true),
    ),
    http.post(
      url('/payment-methods/:paymentMethodId/default'),
      route((_, params) => backend.setDefaultPaymentMethod(params.paymentMethodId ?? ''), true),
    ),
    http.delete(
      url('/payment-methods/:paymentMethodId'),
      route(
        (_, params, href) =>
          backend.deletePaymentMethod(
            params.paymentMethodId ?? '',
            href.searchParams.get('newDefaultId') || undefined,
          ),
        true,
      ),
    ),
    http.post(
      url('/sandbox/purchases/:purchaseId/confirm'),
      route(
        async (request, params) =>
          backend.sandbox.confirmPurchase(params.purchaseId ?? '', await readJsonBody(request)),
        true,
      ),
    ),
    http.post(
      url('/sandbox/purchases/:purchaseId/authenticate'),
      route(
        async (request, params) =>
          backend.sandbox.authenticatePurchase(
            params.purchaseId ?? '',
            await readJsonBody(request),
          ),
        true,
      ),
    ),
    http.post(
      url('/sandbox/setup-intents/:setupIntentId/confirm'),
      route(
        async (request, params) =>
          backend.sandbox.confirmSetupIntent(
            params.setupIntentId ?? '',
            await readJsonBody(request),
          ),
        true,
      ),
    ),
    http.post(
      url('/sandbox/setup-intents/:setupIntentId/authenticate'),
      route(
        async (request, params) =>
          backend.sandbox.authenticateSetupIntent(
            params.setupIntentId ?? '',
            await readJsonBody(request),
          ),
        true,
      ),
    ),
    ...createAutoRechargeHandlers({ url, backend, route }),
    // The Server API (CONTRACT.md): the host's backend, with the secret key.
    ...createServerApiHandlers({ url, backend, route: (run) => route(run, false, true) }),
    // Anything else under the base URL: a contract-shaped 404, never a silent pass-through.
    http.all(url('/*'), () => problem(new ProblemError(404, 'not_found', 'No such operation'))),
  ];
}
