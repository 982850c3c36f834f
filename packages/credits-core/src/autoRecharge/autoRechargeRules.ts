import { expiryStatus } from '../choosePaymentMethod.js';
import type { CreditPackage } from '../schemas/creditPackage.js';
import type { Money } from '../schemas/money.js';
import type { PaymentMethod } from '../schemas/paymentMethod.js';
import type { AutoRechargeSettings } from './autoRechargeSchemas.js';

/** Why a settings object cannot be saved, per field: what a form shows and a backend answers. */
export type AutoRechargeIssue =
  | { path: 'thresholdCredits'; code: 'not_positive_integer' }
  | { path: 'packageId'; code: 'unknown_package' }
  | { path: 'monthlyCap'; code: 'not_positive' | 'currency_mismatch' | 'below_package_price' }
  | {
      path: 'paymentMethodId';
      code: 'unknown_payment_method' | 'expired_payment_method' | 'payment_method_required';
    };

/** The card a recharge charges: the chosen one, or the account's default when `null`. */
export function autoRechargeCard(
  settings: Pick<AutoRechargeSettings, 'paymentMethodId'>,
  methods: readonly PaymentMethod[],
): PaymentMethod | undefined {
  return settings.paymentMethodId === null
    ? methods.find((method) => method.isDefault)
    : methods.find((method) => method.id === settings.paymentMethodId);
}

/**
 * The one rule both the widget (before saving) and the backends (on `PUT /auto-recharge`)
 * apply: a positive whole threshold, a known package, a cap in the package's currency worth at
 * least one package, and — when enabled — a saved, unexpired card of this account. `methods`
 * left out skips the card checks (a form that has not loaded them yet).
 */
export function autoRechargeIssues(
  settings: AutoRechargeSettings,
  packages: readonly CreditPackage[],
  methods?: readonly PaymentMethod[],
  now = new Date(),
): AutoRechargeIssue[] {
  const issues: AutoRechargeIssue[] = [];
  if (!Number.isSafeInteger(settings.thresholdCredits) || settings.thresholdCredits < 1)
    issues.push({ path: 'thresholdCredits', code: 'not_positive_integer' });
  const pack = packages.find((candidate) => candidate.id === settings.packageId);
  const cap = settings.monthlyCap;
  if (!pack) issues.push({ path: 'packageId', code: 'unknown_package' });
  if (!Number.isSafeInteger(cap.amount) || cap.amount < 1)
    issues.push({ path: 'monthlyCap', code: 'not_positive' });
  else if (pack && pack.price.currency !== cap.currency)
    issues.push({ path: 'monthlyCap', code: 'currency_mismatch' });
  else if (pack && cap.amount < pack.price.amount)
    issues.push({ path: 'monthlyCap', code: 'below_package_price' });
  if (methods && settings.paymentMethodId !== null && !autoRechargeCard(settings, methods))
    issues.push({ path: 'paymentMethodId', code: 'unknown_payment_method' });
  else if (methods && settings.enabled) {
    const card = autoRechargeCard(settings, methods);
    if (!card) issues.push({ path: 'paymentMethodId', code: 'payment_method_required' });
    else if (expiryStatus(card, now) === 'expired')
      issues.push({ path: 'paymentMethodId', code: 'expired_payment_method' });
  }
  return issues;
}

/** How many recharges of `price` fit in `cap` (0 in another currency): "up to N a month". */
export function rechargesWithinCap(cap: Money, price: Money): number {
  return cap.currency === price.currency && price.amount > 0
    ? Math.floor(cap.amount / price.amount)
    : 0;
}

/** The cap's period: the UTC calendar month holding `now`, as `[start, end)`. */
export function autoRechargePeriod(now = new Date()): { start: string; end: string } {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  return {
    start: new Date(Date.UTC(year, month, 1)).toISOString(),
    end: new Date(Date.UTC(year, month + 1, 1)).toISOString(),
  };
}
