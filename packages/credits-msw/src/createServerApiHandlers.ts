import { readJsonBody } from 'credits-core/server';
import { type HttpResponseResolver, http } from 'msw';
import type { CreditsBackend } from './createCreditsBackend.js';
import type { Route } from './createCreditsHandlers.js';

/**
 * The Server API's MSW handlers (CONTRACT.md, Server API) over the backend's one account. `route`
 * authenticates by the secret key only; the browser's scenarios (readOnly, outOfOrder) do not apply.
 */
export function createServerApiHandlers(settings: {
  url: (path: string) => string;
  backend: CreditsBackend;
  route: (run: Route) => HttpResponseResolver;
}) {
  const { backend, route } = settings;
  const at = (path: string) => settings.url(`/server/accounts/:accountId${path}`);
  const account = (params: Record<string, string>) => params.accountId ?? '';
  const key = (request: Request) => request.headers.get('idempotency-key');
  return [
    http.get(
      at('/balance'),
      route((_, params) => backend.server.balance(account(params))),
    ),
    http.post(
      at('/usage'),
      route(async (request, params) =>
        backend.server.recordUsage(account(params), await readJsonBody(request), key(request)),
      ),
    ),
    http.post(
      at('/holds'),
      route(async (request, params) =>
        backend.server.createHold(account(params), await readJsonBody(request), key(request)),
      ),
    ),
    http.post(
      at('/holds/:holdId/capture'),
      route(async (request, params) =>
        backend.server.captureHold(
          account(params),
          params.holdId ?? '',
          await readJsonBody(request),
        ),
      ),
    ),
    http.post(
      at('/holds/:holdId/release'),
      route((_, params) => backend.server.releaseHold(account(params), params.holdId ?? '')),
    ),
    http.post(
      at('/grants'),
      route(async (request, params) =>
        backend.server.grant(account(params), await readJsonBody(request), key(request)),
      ),
    ),
    http.post(
      at('/adjustments'),
      route(async (request, params) =>
        backend.server.adjust(account(params), await readJsonBody(request), key(request)),
      ),
    ),
  ];
}
