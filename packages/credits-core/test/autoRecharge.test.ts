import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type AutoRecharge,
  type AutoRechargeSettings,
  autoRechargeIssues,
  autoRechargePeriod,
  getAutoRecharge,
  rechargesWithinCap,
  updateAutoRecharge,
} from '../src/autoRecharge/index';
import { createCreditsClient } from '../src/index';
import { BASE_URL, creditPackages, paymentMethods, problem } from './fixtures';
import { listenWithMsw, server } from './server';

listenWithMsw();

const settings: AutoRechargeSettings = {
  enabled: true,
  thresholdCredits: 2_000,
  packageId: 'pkg_10k',
  monthlyCap: { amount: 5_000, currency: 'USD' },
  paymentMethodId: null,
};

const document: AutoRecharge = {
  settings,
  status: {
    state: 'active',
    periodStart: '2026-12-01T00:00:00.000Z',
    periodEnd: '2027-01-01T00:00:00.000Z',
    spent: { amount: 1_000, currency: 'USD' },
    rechargesThisPeriod: 1,
    consecutiveFailures: 0,
    disabledReason: null,
    lastAttempt: null,
    actionPurchaseId: null,
  },
};

describe('auto-recharge calls', () => {
  it('reads and replaces the document with the client’s own headers', async () => {
    const seen: { method: string; auth: string | null; body: unknown }[] = [];
    server.use(
      http.all(`${BASE_URL}/auto-recharge`, async ({ request }) => {
        const text = await request.text();
        seen.push({
          method: request.method,
          auth: request.headers.get('Authorization'),
          body: text ? JSON.parse(text) : undefined,
        });
        return HttpResponse.json(document);
      }),
    );
    const client = createCreditsClient({
      baseUrl: BASE_URL,
      headers: { Authorization: 'Bearer t' },
      retry: false,
    });
    await expect(getAutoRecharge(client)).resolves.toEqual(document);
    await expect(updateAutoRecharge(client, settings)).resolves.toEqual(document);
    expect(seen).toEqual([
      { method: 'GET', auth: 'Bearer t', body: undefined },
      { method: 'PUT', auth: 'Bearer t', body: settings },
    ]);
  });

  it('turns a refusal into a typed error and a malformed document into invalid_response', async () => {
    const client = createCreditsClient({ baseUrl: BASE_URL, retry: false });
    server.use(
      http.put(`${BASE_URL}/auto-recharge`, () =>
        HttpResponse.json(problem(422, 'payment_method_required'), { status: 422 }),
      ),
      http.get(`${BASE_URL}/auto-recharge`, () =>
        HttpResponse.json({ ...document, status: { ...document.status, spent: 5 } }),
      ),
    );
    await expect(updateAutoRecharge(client, settings)).rejects.toMatchObject({
      code: 'payment_method_required',
      status: 422,
    });
    await expect(getAutoRecharge(client)).rejects.toMatchObject({ code: 'invalid_response' });
  });
});

describe('autoRechargeIssues', () => {
  const now = new Date('2026-12-05T12:00:00Z');

  it('accepts valid settings', () => {
    expect(autoRechargeIssues(settings, creditPackages, paymentMethods, now)).toEqual([]);
  });

  it('names each wrong field', () => {
    expect(
      autoRechargeIssues(
        { ...settings, thresholdCredits: 0, monthlyCap: { amount: 999, currency: 'USD' } },
        creditPackages,
      ),
    ).toEqual([
      { path: 'thresholdCredits', code: 'not_positive_integer' },
      { path: 'monthlyCap', code: 'below_package_price' },
    ]);
    expect(
      autoRechargeIssues(
        { ...settings, packageId: 'nope', monthlyCap: { amount: 5_000, currency: 'EUR' } },
        creditPackages,
      ),
    ).toEqual([{ path: 'packageId', code: 'unknown_package' }]);
    expect(
      autoRechargeIssues(
        { ...settings, monthlyCap: { amount: 5_000, currency: 'EUR' } },
        creditPackages,
      ),
    ).toEqual([{ path: 'monthlyCap', code: 'currency_mismatch' }]);
  });

  it('needs a saved, unexpired card of the account only when enabled', () => {
    expect(autoRechargeIssues(settings, creditPackages, [], now)).toEqual([
      { path: 'paymentMethodId', code: 'payment_method_required' },
    ]);
    expect(autoRechargeIssues({ ...settings, enabled: false }, creditPackages, [], now)).toEqual(
      [],
    );
    expect(
      autoRechargeIssues(
        { ...settings, paymentMethodId: 'pm_other' },
        creditPackages,
        paymentMethods,
        now,
      ),
    ).toEqual([{ path: 'paymentMethodId', code: 'unknown_payment_method' }]);
    expect(
      autoRechargeIssues(
        settings,
        creditPackages,
        paymentMethods,
        new Date('2031-01-01T00:00:00Z'),
      ),
    ).toEqual([{ path: 'paymentMethodId', code: 'expired_payment_method' }]);
  });

  it('counts whole recharges within the cap and the UTC month', () => {
    expect(
      rechargesWithinCap({ amount: 5_000, currency: 'USD' }, { amount: 1_000, currency: 'USD' }),
    ).toBe(5);
    expect(
      rechargesWithinCap({ amount: 4_999, currency: 'USD' }, { amount: 1_000, currency: 'USD' }),
    ).toBe(4);
    expect(
      rechargesWithinCap({ amount: 5_000, currency: 'EUR' }, { amount: 1_000, currency: 'USD' }),
    ).toBe(0);
    expect(autoRechargePeriod(new Date('2026-12-31T23:59:59Z'))).toEqual({
      start: '2026-12-01T00:00:00.000Z',
      end: '2027-01-01T00:00:00.000Z',
    });
  });
});
