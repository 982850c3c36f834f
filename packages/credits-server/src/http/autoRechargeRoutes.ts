import type { Hono } from 'hono';
import type { CreditsService } from '../createCreditsService.js';
import { readBody } from './requestInput.js';

/**
 * `GET /auto-recharge` and `PUT /auto-recharge` (the browser's, signed in like the rest); the
 * body is checked by the contract's rule in updateAutoRecharge (422 for any wrong value).
 */
export function mountAutoRecharge(
  app: Hono<{ Variables: { account: string } }>,
  { service, base }: { service: CreditsService; base: string },
) {
  app.get(`${base}/auto-recharge`, async (c) =>
    c.json(await service.getAutoRecharge(c.get('account'))),
  );
  app.put(`${base}/auto-recharge`, async (c) =>
    c.json(await service.updateAutoRecharge(c.get('account'), await readBody(c.req.raw))),
  );
}
