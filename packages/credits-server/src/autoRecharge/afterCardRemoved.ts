import { disableAutoRecharge } from '../data/autoRechargeData.js';
import type { ServiceContext } from '../serviceContext.js';

/**
 * A card was deleted: auto-recharge that charges it — or, when the account has no card left,
 * auto-recharge on the default card — turns off with `disabledReason: 'card_removed'`, the
 * notice the widget shows. On the default card with another card left, it goes on with the new
 * default.
 */
export async function afterCardRemoved(
  ctx: ServiceContext,
  account: string,
  removedId: string,
  cardsLeft: number,
) {
  await disableAutoRecharge(ctx.db, account, 'card_removed', removedId);
  if (cardsLeft === 0) await disableAutoRecharge(ctx.db, account, 'card_removed', null);
}
