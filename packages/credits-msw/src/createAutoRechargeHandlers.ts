import { readJsonBody } from 'credits-core/server';
import { type HttpResponseResolver, http } from 'msw';
import type { CreditsBackend } from './createCreditsBackend.js';
import type { Route } from './createCreditsHandlers.js';

/** `GET`/`PUT /auto-recharge` (CONTRACT.md, Auto-recharge) over the backend's one account. */
export function createAutoRechargeHandlers(settings: {
  url: (path: string) => string;
  backend: CreditsBackend;
  route: (run: Route, write?: boolean) => HttpResponseResolver;
}) {
  const { backend, route, url } = settings;
  return [
    http.get(
      url('/auto-recharge'),
      route(() => backend.autoRecharge.get()),
    ),
    http.put(
      url('/auto-recharge'),
      route(async (request) => backend.autoRecharge.update(await readJsonBody(request)), true),
    ),
  ];
}
