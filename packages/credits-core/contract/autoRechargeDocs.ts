import type {
  AutoRecharge,
  AutoRechargeAttempt,
  AutoRechargeOperationId,
  AutoRechargeSettings,
  AutoRechargeStatus,
} from '../src/autoRecharge/index';
import { AUTO_RECHARGE_MAX_FAILURES } from '../src/autoRecharge/index';
import type { OperationDoc } from './operationDocs';
import type { SchemaDoc } from './schemaDocs';

/** The auto-recharge components (CONTRACT.md, “Auto-recharge”, has the policy in full). */
export const autoRechargeSchemaDocs: Record<string, SchemaDoc> = {
  AutoRecharge: {
    description:
      'An account’s auto-recharge: what the user chose and what happened this month. Offered when `Config.autoRecharge` is true.',
    properties: {
      settings: 'What the user chose.',
      status: 'This month’s state, spending and last attempt.',
    },
  },
  AutoRechargeSettings: {
    description:
      'The whole settings object, sent as is with `PUT /auto-recharge`. Refused with 422 `validation_failed` (`errors[]` names the field) when the threshold is not a positive whole number, the package is unknown, or the cap is in another currency than the package or below one package’s price; with 422 `payment_method_required` when `enabled` and there is no saved, unexpired card of this account to charge (or `paymentMethodId` is not one of its cards).',
    properties: {
      enabled: 'The user opted in. Off until they turn it on.',
      thresholdCredits:
        'Recharge when `available` (total − used − held) goes from at least this many credits to fewer. A whole number ≥ 1.',
      packageId: 'The package bought on each recharge.',
      monthlyCap:
        'The most auto-recharge may charge in one UTC calendar month, in the package’s currency (minor units, > 0). Counts succeeded and in-flight recharges; never exceeded.',
      paymentMethodId:
        'The saved card to charge, or null for the account’s default card at the time of the recharge.',
    },
  },
  AutoRechargeStatus: {
    description: `This month’s auto-recharge. After ${AUTO_RECHARGE_MAX_FAILURES} failed recharges in a row it turns itself off (\`disabled\`, \`repeated_failures\`).`,
    properties: {
      state:
        '`off` (not enabled), `active`, `needs_action` (a recharge waits for 3D Secure: `actionPurchaseId`), `cap_reached` (one more package would pass the cap), `disabled` (turned itself off: `disabledReason`). An open enum.',
      periodStart: 'Start of the cap’s period: the first instant of the UTC calendar month.',
      periodEnd: 'End (exclusive) of the period: the first instant of the next UTC month.',
      spent:
        'Charged this period by succeeded and in-flight recharges, in the cap’s currency. Declined recharges are not counted.',
      rechargesThisPeriod: 'Succeeded and in-flight recharges this period.',
      consecutiveFailures:
        'Failed recharges (declined or needing action) since the last success or since it was enabled.',
      disabledReason:
        '`repeated_failures`, `card_removed` (the charged card was deleted) or `card_expired`, when `state` is `disabled`; else null. An open enum.',
      lastAttempt: 'The most recent recharge attempt, or null.',
      actionPurchaseId:
        'A purchase in `requires_action` the user can complete (3D Secure) in the purchase dialog, or null.',
    },
  },
  AutoRechargeAttempt: {
    description: 'One recharge attempt: what the crossing of the threshold led to.',
    properties: {
      id: 'Unique id.',
      createdAt: 'When the balance crossed the threshold.',
      purchaseId:
        'The purchase (`origin: auto_recharge`) it created; null when none was (`cap_reached`).',
      outcome:
        '`succeeded`, `processing`, `requires_action` (3D Secure needed), `declined`, or `cap_reached` (not attempted: it would have passed the cap). An open enum.',
      failure: 'Why it failed (`card_declined`, `authentication_required`…), or null.',
    },
  },
};

const settings: AutoRechargeSettings = {
  enabled: true,
  thresholdCredits: 2_000,
  packageId: 'pkg_10k',
  monthlyCap: { amount: 10_000, currency: 'USD' },
  paymentMethodId: null,
};

const attempt: AutoRechargeAttempt = {
  id: 'arc_000003',
  createdAt: '2026-11-24T09:30:12Z',
  purchaseId: 'pur_000011',
  outcome: 'succeeded',
  failure: null,
};

const status: AutoRechargeStatus = {
  state: 'active',
  periodStart: '2026-11-01T00:00:00.000Z',
  periodEnd: '2026-12-01T00:00:00.000Z',
  spent: { amount: 4_500, currency: 'USD' },
  rechargesThisPeriod: 1,
  consecutiveFailures: 0,
  disabledReason: null,
  lastAttempt: attempt,
  actionPurchaseId: null,
};

export const autoRechargeExamples = {
  AutoRecharge: { settings, status } satisfies AutoRecharge,
  AutoRechargeSettings: settings,
  AutoRechargeStatus: status,
  AutoRechargeAttempt: attempt,
};

export const autoRechargeOperationDocs: Record<AutoRechargeOperationId, OperationDoc> = {
  getAutoRecharge: {
    tag: 'Auto-recharge',
    summary: 'Read the auto-recharge settings and status',
    description:
      'The account’s settings (off, with the backend’s defaults, until the user saves them) and this UTC month’s status. Offered when `Config.autoRecharge` is true; otherwise 404 `not_found`.',
    status: 200,
    response: 'The auto-recharge document.',
    errors: [404],
  },
  updateAutoRecharge: {
    tag: 'Auto-recharge',
    summary: 'Change the auto-recharge settings',
    description:
      'Replaces the whole settings object. Turning it on needs a saved, unexpired card (422 `payment_method_required`); bad values answer 422 `validation_failed` with `errors[]`. Turning it on again after it disabled itself resets `consecutiveFailures`. Saving never charges by itself: a recharge follows the next crossing of the threshold.',
    status: 200,
    response: 'The auto-recharge document after the change.',
    errors: [400, 404, 422],
  },
};
