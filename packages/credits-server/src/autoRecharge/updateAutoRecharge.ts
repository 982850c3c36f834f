import {
  type AutoRecharge,
  type AutoRechargeIssue,
  type AutoRechargeSettings,
  autoRechargeIssues,
} from 'credits-core/auto-recharge';
import { ProblemError } from 'credits-core/server';
import { saveAutoRechargeSettings } from '../data/autoRechargeData.js';
import { listMethods } from '../paymentMethods/cards.js';
import { PACKAGES } from '../purchases/purchaseRecords.js';
import type { ServiceContext } from '../serviceContext.js';
import { readAutoRecharge } from './autoRechargeDocument.js';

const messages: Record<AutoRechargeIssue['code'], string> = {
  not_positive_integer: 'The threshold must be a whole number of credits above zero.',
  unknown_package: 'No such package.',
  not_positive: 'The monthly cap must be above zero.',
  currency_mismatch: 'The monthly cap must be in the package’s currency.',
  below_package_price: 'The monthly cap must allow at least one recharge (one package’s price).',
  unknown_payment_method: 'That card is not one of this account’s saved cards.',
  expired_payment_method: 'That card has expired: choose or add another one.',
  payment_method_required: 'Auto-recharge needs a saved card: add one first.',
};

const cardIssues = new Set<string>([
  'unknown_payment_method',
  'expired_payment_method',
  'payment_method_required',
]);

/**
 * `PUT /auto-recharge`: the whole settings object, checked by the contract's own rule
 * (autoRechargeIssues, shared with the widget and the fake). Bad values are 422
 * `validation_failed` naming each field; a card that cannot be charged (none, expired, not this
 * account's) is 422 `payment_method_required`. Cards are read only when one is needed.
 */
export async function updateAutoRecharge(
  ctx: ServiceContext,
  account: string,
  settings: AutoRechargeSettings,
): Promise<AutoRecharge> {
  const needsCard = settings.enabled || settings.paymentMethodId !== null;
  const methods = needsCard ? (await listMethods(ctx, account)).data : undefined;
  const issues = autoRechargeIssues(settings, PACKAGES, methods, ctx.now());
  // Wrong values first (the form's fields), then the card: 422 either way.
  const invalid = issues.filter((issue) => !cardIssues.has(issue.code));
  if (invalid.length) {
    const errors = invalid.map((issue) => ({ path: issue.path, message: messages[issue.code] }));
    throw new ProblemError(
      422,
      'validation_failed',
      'Invalid auto-recharge settings',
      errors[0]!.message,
      undefined,
      errors,
    );
  }
  const [card] = issues;
  if (card) {
    const message = messages[card.code];
    throw new ProblemError(
      422,
      'payment_method_required',
      'A saved card is needed',
      message,
      undefined,
      [{ path: card.path, message }],
    );
  }
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
