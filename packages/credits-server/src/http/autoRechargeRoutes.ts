import { autoRechargeSettingsSchema } from 'credits-core/auto-recharge';
import { ProblemError } from 'credits-core/server';
import type { Hono } from 'hono';
import type { CreditsService } from '../createCreditsService.js';
import { parse, readBody } from './requestInput.js';

/**
 * `GET /auto-recharge` and `PUT /auto-recharge` (the browser's, signed in like the rest). A body
 * that does not fit the settings schema is 422 `validation_failed`, as the rule's refusals are
 * (updateAutoRecharge): the values are wrong, not the request.
 */
export function mountAutoRecharge(
  app: Hono<{ Variables: { account: string } }>,
  { service, base }: { service: CreditsService; base: string },
) {
  app.get(`${base}/auto-recharge`, async (c) =>
    c.json(await service.getAutoRecharge(c.get('account'))),
  );
  app.put(`${base}/auto-recharge`, async (c) => {
    const body = await readBody(c.req.raw);
    let settings: ReturnType<typeof parse<typeof autoRechargeSettingsSchema>>;
    try {
      settings = parse(autoRechargeSettingsSchema, body);
    } catch (error) {
      if (!(error instanceof ProblemError) || error.code !== 'validation_failed') throw error;
      throw new ProblemError(422, error.code, error.title, error.detail, undefined, error.errors);
    }
    return c.json(await service.updateAutoRecharge(c.get('account'), settings));
  });
}
