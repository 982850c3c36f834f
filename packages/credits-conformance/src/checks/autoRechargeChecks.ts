import {
  creditPackageListSchema,
  paymentMethodListSchema,
  type Transaction,
  transactionPageSchema,
} from 'credits-core';
import {
  type AutoRecharge,
  type AutoRechargeSettings,
  autoRechargeSchema,
} from 'credits-core/auto-recharge';
import { CheckFailure, CheckSkipped, ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import { saveCard } from './paymentMethodChecks.js';
import { pause, pollUntil } from './pollUntil.js';
import { available } from './sandboxPurchase.js';
import { grant, requireServerApi, serverWrite } from './serverApi.js';

/** Auto-recharge is checked only where `GET /config` offers it. */
async function requireAutoRecharge(context: CheckContext) {
  if (!(await context.getConfig()).autoRecharge)
    throw new CheckSkipped('the backend offers no auto-recharge (Config.autoRecharge is not true)');
}

async function read(context: CheckContext) {
  const response = await context.http('GET', '/auto-recharge');
  return { response, document: context.parse(autoRechargeSchema, response, 'GET /auto-recharge') };
}

const put = (context: CheckContext, settings: unknown) =>
  context.http('PUT', '/auto-recharge', { body: settings });

async function save(context: CheckContext, settings: AutoRechargeSettings): Promise<AutoRecharge> {
  return context.parse(autoRechargeSchema, await put(context, settings), 'PUT /auto-recharge');
}

/** Off settings that are valid on any backend: the cheapest package, a cap of one package. */
async function validOff(context: CheckContext): Promise<AutoRechargeSettings> {
  const response = await context.http('GET', '/packages');
  const packages = context.parse(creditPackageListSchema, response, 'GET /packages').data;
  const [pack] = [...packages].sort((a, b) => a.price.amount - b.price.amount);
  ensure(pack, 'no packages to recharge with', response);
  return {
    enabled: false,
    thresholdCredits: 1_000,
    packageId: pack.id,
    monthlyCap: { ...pack.price },
    paymentMethodId: null,
  };
}

const getShape: Check = {
  id: 'autoRecharge.get',
  title: 'GET /auto-recharge answers settings and a status whose period is the UTC calendar month',
  async run(context) {
    await requireAutoRecharge(context);
    const { response, document } = await read(context);
    const start = new Date(document.status.periodStart);
    const end = new Date(document.status.periodEnd);
    ensure(
      start.getUTCDate() === 1 &&
        start.getUTCHours() + start.getUTCMinutes() + start.getUTCSeconds() === 0 &&
        end.getTime() === Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1),
      `the period ${document.status.periodStart} – ${document.status.periodEnd} is not a UTC calendar month`,
      response,
    );
    ensure(
      document.status.spent.currency === document.settings.monthlyCap.currency,
      'status.spent must be in the cap’s currency',
      response,
    );
  },
};

const roundTrip: Check = {
  id: 'autoRecharge.put',
  title: 'PUT /auto-recharge replaces the settings and answers them; GET reads them back',
  async run(context) {
    await requireAutoRecharge(context);
    const before = (await read(context)).document.settings;
    const next = { ...(await validOff(context)), thresholdCredits: 1_234 };
    try {
      const saved = await save(context, next);
      const again = await read(context);
      for (const [what, settings] of [
        ['PUT', saved.settings],
        ['GET', again.document.settings],
      ] as const) {
        ensure(
          JSON.stringify(settings) === JSON.stringify(next),
          `${what} answered ${JSON.stringify(settings)}, expected ${JSON.stringify(next)}`,
          again.response,
        );
      }
      ensure(
        again.document.status.state === 'off',
        'settings with enabled:false are `off`',
        again.response,
      );
    } finally {
      if (!before.enabled) await put(context, before);
    }
  },
};

const validation: Check = {
  id: 'autoRecharge.validation',
  title: 'bad settings are refused with 422 validation_failed naming the field',
  async run(context) {
    await requireAutoRecharge(context);
    const valid = await validOff(context);
    const cases: [string, unknown][] = [
      ['thresholdCredits', { ...valid, thresholdCredits: 0 }],
      ['packageId', { ...valid, packageId: `no-such-package-${context.key().slice(0, 8)}` }],
      [
        'monthlyCap',
        { ...valid, monthlyCap: { ...valid.monthlyCap, amount: valid.monthlyCap.amount - 1 } },
      ],
    ];
    for (const [field, body] of cases) {
      const response = await put(context, body);
      context.expectProblem(response, 422, 'validation_failed');
      const errors = (response.json as { errors?: { path?: string }[] }).errors ?? [];
      ensure(
        errors.some((error) => error.path === field),
        `the problem's errors[] must name "${field}"`,
        response,
      );
    }
  },
};

const paymentMethodRequired: Check = {
  id: 'autoRecharge.paymentMethod',
  title: 'turning it on with a card that is not the account’s is 422 payment_method_required',
  async run(context) {
    await requireAutoRecharge(context);
    const valid = await validOff(context);
    const response = await put(context, {
      ...valid,
      enabled: true,
      paymentMethodId: `pm_not_yours_${context.key().slice(0, 8)}`,
    });
    context.expectProblem(response, 422, 'payment_method_required');
  },
};

/** The purchase rows marked `autoRecharge`, newest first. */
async function rechargeRows(context: CheckContext): Promise<Transaction[]> {
  const response = await context.http('GET', '/transactions', {
    query: { type: 'purchase', limit: '50' },
  });
  const page = context.parse(transactionPageSchema, response, 'GET /transactions');
  return page.data.filter((row) => row.autoRecharge === true);
}

const crossing: Check = {
  id: 'autoRecharge.crossing',
  title: 'a debit below the threshold makes exactly one recharge purchase row (autoRecharge: true)',
  async run(context) {
    await requireAutoRecharge(context);
    await context.requireTestMode();
    requireServerApi(context);
    const card = await saveCard(context, 'pm_card_visa');
    const threshold = 1_000;
    const settings = await validOff(context);
    const { document } = await read(context);
    // Room for one more recharge this month, whatever earlier runs spent.
    const cap = document.status.spent.amount + settings.monthlyCap.amount * 2;
    const seen = new Set((await rechargeRows(context)).map((row) => row.id));
    try {
      const now = await available(context);
      if (now.available < threshold + 10) await grant(context, threshold + 10 - now.available);
      await save(context, {
        ...settings,
        enabled: true,
        thresholdCredits: threshold,
        monthlyCap: { ...settings.monthlyCap, amount: cap },
        paymentMethodId: card.id,
      });
      const before = await available(context);
      const debit = await serverWrite(context, '/usage', {
        credits: before.available - threshold + 1,
        description: 'Conformance: cross the auto-recharge threshold',
      });
      context.expectStatus(debit, 201);
      const freshRows = async () =>
        (await rechargeRows(context)).filter((row) => !seen.has(row.id));
      const appeared = await pollUntil<Transaction[]>([], freshRows, (rows) => rows.length > 0, {
        timeoutMs: context.settleTimeoutMs,
        everyMs: 200,
      });
      ensure(appeared.length > 0, 'no purchase row with autoRecharge:true appeared', debit);
      // Give a second, wrongful charge time to show up.
      await pause(500);
      const fresh = await freshRows();
      if (fresh.length !== 1)
        throw new CheckFailure(`one crossing made ${fresh.length} recharge rows`, debit);
    } finally {
      await put(context, { ...settings, enabled: false });
      const methods = await context.http('GET', '/payment-methods');
      const list = context.parse(paymentMethodListSchema, methods, 'GET /payment-methods').data;
      if (list.length > 1 && list.some((method) => method.id === card.id && !method.isDefault))
        await context.http('DELETE', `/payment-methods/${encodeURIComponent(card.id)}`);
    }
  },
};

export const autoRechargeChecks: Check[] = [
  getShape,
  roundTrip,
  validation,
  paymentMethodRequired,
  crossing,
];
