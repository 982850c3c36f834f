import type { AutoRecharge } from 'credits-core/auto-recharge';
import { parseAutoRechargeSettings } from 'credits-core/server';
import { saveAutoRechargeSettings } from '../data/autoRechargeData.js';
import { listMethods } from '../paymentMethods/cards.js';
import { PACKAGES } from '../purchases/purchaseRecords.js';
import type { ServiceContext } from '../serviceContext.js';
import { readAutoRecharge } from './autoRechargeDocument.js';

/**
 * `PUT /auto-recharge`: the whole settings object, checked by the contract's own rule
 * (`parseAutoRechargeSettings`, the one credits-msw answers with too): 422 `validation_failed`
 * naming each wrong field, 422 `payment_method_required` for a card that cannot be charged
 * (none, expired, not this account's). Saved with the package as it is now: what a recharge
 * buys and costs.
 */
export async function updateAutoRecharge(
  ctx: ServiceContext,
  account: string,
  body: unknown,
): Promise<AutoRecharge> {
  const { data: methods } = await listMethods(ctx, account);
  const settings = parseAutoRechargeSettings(body, PACKAGES, methods, ctx.now());
  const pkg = PACKAGES.find((candidate) => candidate.id === settings.packageId)!;
  await saveAutoRechargeSettings(
    ctx.db,
    account,
    {
      enabled: settings.enabled,
      threshold: settings.thresholdCredits,
      packageId: pkg.id,
      credits: pkg.credits,
      amount: pkg.price.amount,
      currency: pkg.price.currency,
      monthlyCap: settings.monthlyCap.amount,
      paymentMethodId: settings.paymentMethodId,
    },
    ctx.now().toISOString(),
  );
  return readAutoRecharge(ctx, account);
}
