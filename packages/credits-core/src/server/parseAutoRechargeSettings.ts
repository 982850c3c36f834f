import { type AutoRechargeIssue, autoRechargeIssues } from '../autoRecharge/autoRechargeRules.js';
import {
  type AutoRechargeSettings,
  autoRechargeSettingsSchema,
} from '../autoRecharge/autoRechargeSchemas.js';
import type { CreditPackage } from '../schemas/creditPackage.js';
import type { PaymentMethod } from '../schemas/paymentMethod.js';
import { ProblemError } from './problemError.js';
import { validateRequest } from './requestValidation.js';

/** What each refusal says, the same from every backend. */
export const AUTO_RECHARGE_ISSUE_MESSAGES: Record<AutoRechargeIssue['code'], string> = {
  not_positive_integer: 'must be a whole number ≥ 1',
  unknown_package: 'is not one of the packages on sale',
  not_positive: 'must be a positive amount in minor units',
  currency_mismatch: 'must be in the package’s currency',
  below_package_price: 'must be at least one package’s price',
  unknown_payment_method: 'is not a saved payment method of this account',
  expired_payment_method: 'has expired: choose another card',
  payment_method_required: 'a saved, unexpired card is needed to turn auto-recharge on',
};

/**
 * `PUT /auto-recharge`'s body, checked by the contract's rule (`autoRechargeIssues`): 422
 * `validation_failed` naming every wrong field, or 422 `payment_method_required` when it is
 * turned on without a saved, unexpired card of this account (or names a card not its own) and
 * nothing else is wrong.
 */
export function parseAutoRechargeSettings(
  body: unknown,
  packages: readonly CreditPackage[],
  methods: readonly PaymentMethod[],
  now = new Date(),
): AutoRechargeSettings {
  const parsed = validateRequest(autoRechargeSettingsSchema, body);
  if (!parsed.success) {
    throw new ProblemError(
      422,
      'validation_failed',
      'Invalid auto-recharge settings',
      parsed.errors[0] && `${parsed.errors[0].path || 'body'}: ${parsed.errors[0].message}`,
      undefined,
      parsed.errors,
    );
  }
  const issues = autoRechargeIssues(parsed.output, packages, methods, now);
  const [card] = issues;
  if (card?.path === 'paymentMethodId' && issues.length === 1) {
    throw new ProblemError(
      422,
      'payment_method_required',
      'Payment method required',
      AUTO_RECHARGE_ISSUE_MESSAGES[card.code],
      undefined,
      [{ path: card.path, message: AUTO_RECHARGE_ISSUE_MESSAGES[card.code] }],
    );
  }
  if (issues.length > 0) {
    const errors = issues.map((issue) => ({
      path: issue.path,
      message: AUTO_RECHARGE_ISSUE_MESSAGES[issue.code],
    }));
    throw new ProblemError(
      422,
      'validation_failed',
      'Invalid auto-recharge settings',
      `${errors[0]!.path}: ${errors[0]!.message}`,
      undefined,
      errors,
    );
  }
  return parsed.output;
}
