import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { type CreditPackage, createCreditsClient, type Transaction } from 'credits-core';
import { createCreditsBackend, createCreditsHandlers, SEED_NOW } from 'credits-msw';
import { getResponse, type RequestHandler } from 'msw';
import type { CSSProperties } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { cdp } from 'vitest/browser';
import {
  AddCreditsDialog,
  BalanceCards,
  type CreditsLabels,
  CreditsProvider,
  HistoryTable,
  PaymentMethods,
  UsageByWebsite,
} from '../../src/index';
import creditsCss from '../../src/styles.css?inline';

export const BASE_URL = 'http://credits.test/api/credits/v1';

/**
 * For a test file: our styles, and forced colours (Windows contrast themes) emulated in Chromium
 * for its tests (CDP `Emulation.setEmulatedMedia`, what Playwright's `forcedColors: 'active'`
 * sends), turned off after them.
 */
export function emulateForcedColors() {
  beforeAll(async () => {
    installStyles();
    await cdp().send('Emulation.setEmulatedMedia', {
      features: [{ name: 'forced-colors', value: 'active' }],
    });
  });
  afterEach(() => cleanup());
  afterAll(async () => {
    await cdp().send('Emulation.setEmulatedMedia', { features: [] });
  });
}

/** Our compiled stylesheet, once per test file (browser tests share no CSS setup). */
export function installStyles() {
  if (document.querySelector('style[data-credits-test]')) return;
  const style = document.createElement('style');
  style.dataset.creditsTest = '';
  style.textContent = creditsCss;
  document.head.append(style);
}

/**
 * A `fetch` answered in-process by MSW handlers (`getResponse`): no service
 * worker, no network. A request no handler answers fails the way a dead
 * network does, so a wrong URL cannot pass silently.
 */
export function inProcessFetch(handlers: RequestHandler[]): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const response = await getResponse(handlers, request);
    if (!response) throw new TypeError(`No handler for ${request.method} ${request.url}`);
    return response;
  };
}

const web = {
  bakery: { id: 'web_bakery', name: 'Bakery Bliss', url: 'https://bakery-bliss.example' },
  ramen: { id: 'web_ramen', name: '東京ラーメン', url: 'https://tokyo-ramen.example' },
  law: { id: 'web_law', name: 'Kanzlei Meyer & Söhne', url: 'https://kanzlei-meyer.example' },
};

/**
 * 50,000 credits granted and bought, 2,500 used → 47,500 available. The usage
 * rows (2,486, 11 and 3 credits) land in different plural categories in Arabic
 * (many, many, few); the 23:30 UTC row is on the 22nd in UTC but the 23rd in
 * Tokyo, so a date formatted outside the provider's time zone shows.
 */
export const LEDGER: Transaction[] = [
  {
    id: 'txn_5',
    createdAt: '2026-11-23T10:00:00Z',
    type: 'usage',
    description: 'Translation',
    amount: -3,
    balanceAfter: 47_500,
    website: web.law,
    purchaseId: null,
  },
  {
    id: 'txn_4',
    createdAt: '2026-11-22T23:30:00Z',
    type: 'usage',
    description: 'AI image generation',
    amount: -11,
    balanceAfter: 47_503,
    website: web.ramen,
    purchaseId: null,
  },
  {
    id: 'txn_3',
    createdAt: '2026-11-20T09:30:00Z',
    type: 'usage',
    description: 'Website generation for the spring collection landing page and its blog',
    amount: -2_486,
    balanceAfter: 47_514,
    website: web.bakery,
    purchaseId: null,
  },
  {
    id: 'txn_2',
    createdAt: '2026-11-01T15:45:00Z',
    type: 'purchase',
    description: 'Credit package: Growth',
    amount: 40_000,
    balanceAfter: 50_000,
    website: null,
    purchaseId: 'pur_1',
  },
  {
    id: 'txn_1',
    createdAt: '2026-10-01T08:00:00Z',
    type: 'grant',
    description: 'Welcome credits',
    amount: 10_000,
    balanceAfter: 10_000,
    website: null,
    purchaseId: null,
  },
];

/** One credit expiring: "1 credit" is the singular in every language that has one. */
export const EXPIRING = [{ amount: 1, expiresAt: '2026-12-01T00:00:00Z' }];

export type Currency = 'USD' | 'JPY' | 'KWD';

/**
 * Package prices in the currency's minor unit, as the contract sends money:
 * cents (USD, 2 digits), yen (JPY, 0 digits), fils (KWD, 3 digits).
 */
export const PRICES: Record<Currency, readonly [number, number, number]> = {
  USD: [1_000, 4_500, 8_000], // $10.00, $45.00, $80.00
  JPY: [1_500, 6_800, 12_000], // ¥1,500, ¥6,800, ¥12,000
  KWD: [3_250, 14_500, 26_125], // KWD 3.250, 14.500, 26.125
};
export const MINOR_DIGITS: Record<Currency, number> = { USD: 2, JPY: 0, KWD: 3 };
export const PACKAGE_CREDITS = [10_000, 50_000, 100_000] as const;

export function packagesFor(currency: Currency): CreditPackage[] {
  return PACKAGE_CREDITS.map((credits, index) => ({
    id: `pkg_${index + 1}`,
    credits,
    price: { amount: PRICES[currency][index] as number, currency },
    label: ['Starter', 'Growth', 'Pro'][index] ?? null,
    badge: index === 2 ? 'Popular' : null,
  }));
}

export interface RenderOptions {
  locale: string;
  currency?: Currency;
  labels?: Partial<CreditsLabels>;
  /** Style of the element the widgets are rendered into (the host's column). */
  container?: CSSProperties;
}

/**
 * Every widget, as a host would put them on one page, over a fresh fake
 * backend: BalanceCards (low balance, with the dialog's trigger as its
 * action), UsageByWebsite, HistoryTable and PaymentMethods.
 */
export function renderAllWidgets({ locale, currency = 'USD', labels, container }: RenderOptions) {
  const backend = createCreditsBackend({
    currency,
    transactions: LEDGER,
    packages: packagesFor(currency),
    lowBalanceThreshold: 50_000,
    expiring: EXPIRING,
    paymentMethods: ['pm_card_visa', 'pm_card_mastercard'],
    now: () => new Date(SEED_NOW),
  });
  const handlers = createCreditsHandlers({ baseUrl: BASE_URL, backend });
  const client = createCreditsClient({
    baseUrl: BASE_URL,
    fetch: inProcessFetch(handlers),
    retry: false,
  });
  return render(
    <div data-testid="host-column" style={{ fontFamily: 'Arial, sans-serif', ...container }}>
      <CreditsProvider
        client={client}
        account="acct_1"
        locale={locale}
        timeZone="UTC"
        labels={labels}
        queryClient={new QueryClient()}
      >
        <AddCreditsDialog>
          <BalanceCards addCreditsAction={<AddCreditsDialog.Trigger />} />
        </AddCreditsDialog>
        <UsageByWebsite />
        <HistoryTable />
        <PaymentMethods />
      </CreditsProvider>
    </div>,
  );
}

/** The root of one widget, by its `data-slot`. */
export function widgetRoot(slot: string): HTMLElement {
  const root = document.querySelector(`[data-credits-root][data-slot="${slot}"]`);
  if (!(root instanceof HTMLElement)) throw new Error(`No widget root with data-slot="${slot}"`);
  return root;
}

export const WIDGET_SLOTS = [
  'balance-cards',
  'usage-by-website',
  'history-table',
  'payment-methods',
] as const;
