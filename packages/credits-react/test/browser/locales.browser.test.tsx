/**
 * Every widget in en-US, de-DE, ja-JP and ar-EG (right to left), in real
 * Chromium: numbers, money in USD/JPY/KWD, dates, plurals and direction are
 * what `Intl` gives for the locale, and the layout mirrors in Arabic.
 *
 * Expectations are computed with `Intl` in the test (CLDR data varies between
 * browser versions) and pinned by at least one literal string per locale, so
 * the comparison can never be vacuous.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import { type CreditsLabels, defaultLabels, loadCreditsLabels } from '../../src/index';
import {
  type Currency,
  EXPIRING,
  installStyles,
  LEDGER,
  MINOR_DIGITS,
  PACKAGE_CREDITS,
  PRICES,
  renderAllWidgets,
  WIDGET_SLOTS,
  widgetRoot,
} from './widgetHarness';

type Plural = Intl.LDMLPluralRule;

/** What a host translating the widgets passes for the counted noun. */
const CREDIT_WORDS: Record<string, Partial<Record<Plural, string>>> = {
  'de-DE': { one: 'Credit', other: 'Credits' },
  'ja-JP': { other: 'クレジット' },
  'ar-EG': {
    zero: 'رصيد',
    one: 'رصيد',
    two: 'رصيدان',
    few: 'أرصدة',
    many: 'رصيدًا',
    other: 'رصيد',
  },
};

interface LocaleCase {
  locale: string;
  dir: 'ltr' | 'rtl';
  /** Literal strings the page must show: a check on `Intl` and on the test itself. */
  pinned: {
    available: string;
    expiring: string;
    /** The 23:30 UTC row, in UTC (in Tokyo it is already the 23rd). */
    lateRowDate: string;
    usage: string;
    prices: Record<Currency, string>;
  };
}

const CASES: LocaleCase[] = [
  {
    locale: 'en-US',
    dir: 'ltr',
    pinned: {
      available: '47,500 credits',
      expiring: '1 credit',
      lateRowDate: 'Nov 22, 2026',
      usage: '2,486 credits',
      prices: { USD: '$10.00', JPY: '¥1,500', KWD: 'KWD\u00a03.250' },
    },
  },
  {
    locale: 'de-DE',
    dir: 'ltr',
    pinned: {
      available: '47.500 Credits',
      expiring: '1 Credit',
      lateRowDate: '22.11.2026',
      usage: '2.486 Credits',
      prices: { USD: '10,00\u00a0$', JPY: '1.500\u00a0¥', KWD: '3,250\u00a0KWD' },
    },
  },
  {
    locale: 'ja-JP',
    dir: 'ltr',
    pinned: {
      available: '47,500 クレジット',
      expiring: '1 クレジット',
      lateRowDate: '2026/11/22',
      usage: '2,486 クレジット',
      prices: { USD: '$10.00', JPY: '￥1,500', KWD: 'KWD\u00a03.250' },
    },
  },
  {
    locale: 'ar-EG',
    dir: 'rtl',
    pinned: {
      available: '٤٧٬٥٠٠ رصيد',
      expiring: '١ رصيد',
      lateRowDate: '٢٢\u200f/١١\u200f/٢٠٢٦',
      // 3 is "few" in Arabic.
      usage: '٣ أرصدة',
      prices: {
        USD: '\u200f١٠٫٠٠\u00a0US$',
        JPY: '\u200f١٬٥٠٠\u00a0JP¥',
        KWD: '\u200f٣٫٢٥٠\u00a0د.ك.\u200f',
      },
    },
  },
];

const CURRENCIES: Currency[] = ['USD', 'JPY', 'KWD'];

/** The words the widgets show in `locale`: the shipped translation over the English defaults. */
async function wordsFor(locale: string): Promise<CreditsLabels> {
  return { ...defaultLabels, ...(await loadCreditsLabels(locale)) };
}

/** The locale's own formatters, independent of the widgets' code. */
function intl(locale: string) {
  const number = new Intl.NumberFormat(locale);
  const signed = new Intl.NumberFormat(locale, { signDisplay: 'exceptZero' });
  const plural = new Intl.PluralRules(locale);
  const words = CREDIT_WORDS[locale];
  return {
    number: (n: number) => number.format(n),
    /** Ledger amounts carry a true minus sign (U+2212), as the widget documents. */
    signed: (n: number) => signed.format(n).replace('-', '\u2212'),
    credits: (n: number) => {
      const category = plural.select(n);
      const noun = words
        ? (words[category] ?? words.other)
        : category === 'one'
          ? 'credit'
          : 'credits';
      return `${number.format(n)} ${noun}`;
    },
    percent: (fraction: number) =>
      new Intl.NumberFormat(locale, {
        style: 'percent',
        maximumFractionDigits: 1,
        roundingMode: 'floor',
      }).format(fraction),
    date: (iso: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(
        new Date(iso),
      ),
    monthYear: (year: number, month: number) =>
      new Intl.DateTimeFormat(locale, {
        month: '2-digit',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(Date.UTC(year, month - 1, 1))),
    /** A price from its major-unit amount, e.g. 3.25 KWD. */
    money: (minor: number, currency: Currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
        minor / 10 ** MINOR_DIGITS[currency],
      ),
    decimalSeparator:
      number.formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.',
  };
}

const text = (element: Element | null | undefined) => element?.textContent ?? '';
const all = (root: ParentNode, selector: string) => [...root.querySelectorAll(selector)];

async function renderLoaded(locale: string, currency: Currency = 'USD') {
  // No labels from the test: the shipped translation for the locale is what shows.
  renderAllWidgets({ locale, currency, container: { width: 1000 } });
  await waitFor(() => {
    for (const slot of WIDGET_SLOTS) expect(widgetRoot(slot).dataset.status).toBe('success');
    expect(document.querySelectorAll('[data-slot="history-row"]')).toHaveLength(LEDGER.length);
    expect(document.querySelectorAll('[data-slot="payment-method"]')).toHaveLength(2);
    expect(document.querySelectorAll('[data-slot="usage-row"]')).toHaveLength(3);
  });
}

async function openAddCreditsDialog() {
  await userEvent.click(document.querySelector('[data-slot="add-credits-trigger"]') as HTMLElement);
  const dialog = await screen.findByRole('dialog');
  await waitFor(() =>
    expect(dialog.querySelectorAll('[data-slot="package-option"]')).toHaveLength(3),
  );
  return dialog;
}

/** Horizontal centre of an element's box. */
const centreX = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.left + box.width / 2;
};

/** `first` precedes `second` in reading order: to its left in ltr, to its right in rtl. */
function expectReadingOrder(dir: 'ltr' | 'rtl', first: Element, second: Element) {
  if (dir === 'ltr') expect(centreX(first)).toBeLessThan(centreX(second));
  else expect(centreX(first)).toBeGreaterThan(centreX(second));
}

/** Text in `root` (screen-reader-only text included), minus the fixed labels (they are not formatted numbers) and card numbers. */
function formattedText(root: Element, words: CreditsLabels) {
  let content = root.textContent ?? '';
  const fixed = [...Object.values(defaultLabels), ...Object.values(words)].filter(
    (value): value is string => typeof value === 'string',
  );
  for (const label of fixed.sort((a, b) => b.length - a.length)) {
    content = content.replaceAll(label, '');
  }
  return content.replace(/•••• \d{4}/g, '');
}

beforeAll(async () => {
  installStyles();
  await page.viewport(1280, 900);
  // The browser's own zone is Tokyo: a date formatted without the provider's
  // `timeZone="UTC"` would show the 23:30 UTC row as the 23rd.
  await cdp().send('Emulation.setTimezoneOverride', { timezoneId: 'Asia/Tokyo' });
});

afterAll(async () => {
  await cdp().send('Emulation.setTimezoneOverride', { timezoneId: '' });
});

afterEach(() => cleanup());

it('the browser really is in another time zone (so the UTC dates below mean something)', () => {
  expect(new Date('2026-11-22T23:30:00Z').getDate()).toBe(23);
});

describe.each(CASES)('$locale', ({ locale, dir, pinned }) => {
  const f = intl(locale);
  let words = defaultLabels;
  beforeAll(async () => {
    words = await wordsFor(locale);
  });

  it('BalanceCards: balance, total, share used and expiring credits as Intl formats them, with plurals', async () => {
    await renderLoaded(locale);
    const root = widgetRoot('balance-cards');
    const card = (variant: string) =>
      root.querySelector(`[data-slot="balance-card"][data-variant="${variant}"]`) as HTMLElement;
    const value = (variant: string) =>
      text(card(variant).querySelector('[data-slot="balance-value"]'));

    expect(value('available')).toBe(pinned.available);
    expect(value('available')).toBe(f.credits(47_500));
    expect(text(card('available'))).toContain(f.number(50_000));
    expect(value('used')).toBe(f.credits(2_500));
    expect(text(card('used'))).toContain(f.percent(0.05));
    expect(value('expiring')).toBe(pinned.expiring);
    expect(value('expiring')).toBe(f.credits(1));
    expect(text(card('expiring'))).toContain(f.date(EXPIRING[0]?.expiresAt ?? ''));
  });

  it('UsageByWebsite: credits per website and their shares, with plurals', async () => {
    await renderLoaded(locale);
    const rows = all(widgetRoot('usage-by-website'), '[data-slot="usage-row"]');
    const expected: [string, number][] = [
      ['Bakery Bliss', 2_486],
      ['東京ラーメン', 11],
      ['Kanzlei Meyer & Söhne', 3],
    ];
    expected.forEach(([name, credits], index) => {
      const row = text(rows[index]);
      expect(row).toContain(name);
      expect(row).toContain(`${f.credits(credits)}${words.separator}${f.percent(credits / 2_500)}`);
    });
    expect(text(widgetRoot('usage-by-website'))).toContain(pinned.usage);
  });

  it('HistoryTable: dates in UTC, signed amounts and running balances', async () => {
    await renderLoaded(locale);
    const root = widgetRoot('history-table');
    const rows = all(root, '[data-slot="history-row"]');
    LEDGER.forEach((transaction, index) => {
      const cells = all(rows[index] as Element, '[role="cell"]');
      expect(text(cells[0])).toBe(f.date(transaction.createdAt));
      expect(text(cells[2])).toBe(f.signed(transaction.amount));
      expect(text(cells[3])).toBe(f.number(transaction.balanceAfter));
    });
    expect(text(all(rows[1] as Element, '[role="cell"]')[0])).toBe(pinned.lateRowDate);
    expect(text(root.querySelector('[data-slot="history-footer"] [role="status"]'))).toContain(
      f.number(LEDGER.length),
    );
  });

  it('PaymentMethods: card expiry as month and year in the locale', async () => {
    await renderLoaded(locale);
    for (const method of all(widgetRoot('payment-methods'), '[data-slot="payment-method"]')) {
      // Both sandbox cards expire 12/2034.
      expect(text(method)).toContain(f.monthYear(2034, 12));
    }
  });

  it.each(CURRENCIES)(
    'AddCreditsDialog: package prices in %s in the currency’s minor digits',
    async (currency) => {
      await renderLoaded(locale, currency);
      const dialog = await openAddCreditsDialog();
      const options = all(dialog, '[data-slot="package-option"]');
      const digits = MINOR_DIGITS[currency];
      PACKAGE_CREDITS.forEach((credits, index) => {
        const minor = PRICES[currency][index] as number;
        const option = text(options[index]);
        const price = f.money(minor, currency);
        expect(option).toContain(f.credits(credits));
        expect(option).toContain(price);
        // The price of 1,000 credits, rounded to the currency's minor unit.
        expect(option).toContain(f.money(Math.round((minor * 1_000) / credits), currency));
        expect(option).toContain(f.number(1_000));
        const fraction = price.split(f.decimalSeparator)[1]?.match(/^\p{Nd}*/u)?.[0] ?? '';
        expect(fraction).toHaveLength(digits);
      });
      expect(text(options[0])).toContain(pinned.prices[currency]);
      expect(text(dialog.querySelector('[data-slot="pay-button"]'))).toContain(
        f.money(PRICES[currency][0], currency),
      );
    },
  );

  it(`every widget root and the dialog are ${dir}, with lang=${locale}, and the layout follows`, async () => {
    await renderLoaded(locale);
    const expectRootsDirected = () => {
      // The widgets, the dialog's trigger and (once open) the portalled dialog.
      const roots = [...document.querySelectorAll('[data-credits-root]')];
      for (const root of roots) {
        const slot = root.getAttribute('data-slot') ?? '';
        expect(root.getAttribute('dir'), slot).toBe(dir);
        expect(root.getAttribute('lang'), slot).toBe(locale);
      }
      return roots.length;
    };
    expect(expectRootsDirected()).toBe(WIDGET_SLOTS.length + 1);
    const trigger = document.querySelector('[data-slot="add-credits-trigger"]') as HTMLElement;

    // BalanceCards: the first card, each card's accent bar and the low-balance message start on the reading side.
    const balance = widgetRoot('balance-cards');
    const available = balance.querySelector('[data-variant="available"]') as HTMLElement;
    const used = balance.querySelector('[data-variant="used"]') as HTMLElement;
    expectReadingOrder(dir, available, used);
    const accent = available.querySelector('[aria-hidden="true"]') as HTMLElement;
    const edge = (box: DOMRect) => (dir === 'ltr' ? box.left : box.right);
    expect(
      Math.abs(edge(accent.getBoundingClientRect()) - edge(available.getBoundingClientRect())),
    ).toBeLessThan(2);
    const low = balance.querySelector('[data-slot="balance-notice"]') as HTMLElement;
    expectReadingOrder(dir, low.querySelector('p') as HTMLElement, trigger);

    // HistoryTable: Date is the first column; amounts align to the end of their cells.
    const history = widgetRoot('history-table');
    const headers = within(history).getAllByRole('columnheader');
    expectReadingOrder(dir, headers[0] as HTMLElement, headers[1] as HTMLElement);
    expectReadingOrder(dir, headers[1] as HTMLElement, headers[2] as HTMLElement);
    const amount = history.querySelector('[data-slot="history-amount"]') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(amount);
    const [cellBox, textBox] = [amount.getBoundingClientRect(), range.getBoundingClientRect()];
    const [leftGap, rightGap] = [textBox.left - cellBox.left, cellBox.right - textBox.right];
    if (dir === 'ltr') expect(rightGap).toBeLessThan(leftGap);
    else expect(leftGap).toBeLessThan(rightGap);

    // UsageByWebsite: the website's name first, its credits after.
    const usageLine = widgetRoot('usage-by-website').querySelector('[data-slot="usage-row"]')
      ?.firstElementChild as HTMLElement;
    expectReadingOrder(
      dir,
      usageLine.children[0] as HTMLElement,
      usageLine.children[1] as HTMLElement,
    );

    // PaymentMethods: heading first, then the add button; card name first, then its actions.
    const methods = widgetRoot('payment-methods');
    expectReadingOrder(
      dir,
      within(methods).getByRole('heading'),
      within(methods).getByRole('button', { name: words.addPaymentMethod }),
    );
    const method = methods.querySelector('[data-slot="payment-method"]') as HTMLElement;
    expectReadingOrder(
      dir,
      method.querySelector('span') as HTMLElement,
      within(method).getByRole('button', {
        name: words.cardActions(text(method.querySelector('bdi'))),
      }),
    );

    // The dialog is portalled out of the widgets: it must carry the direction itself.
    const dialog = await openAddCreditsDialog();
    expect(expectRootsDirected()).toBe(WIDGET_SLOTS.length + 2);
    expect(dialog.closest('[data-credits-root]')?.getAttribute('dir')).toBe(dir);
    expect(getComputedStyle(dialog).direction).toBe(dir);
    const close = within(dialog).getByRole('button', { name: words.close });
    expectReadingOrder(dir, within(dialog).getByRole('heading'), close);
    const option = dialog.querySelector('[data-slot="package-option"]') as HTMLElement;
    expectReadingOrder(
      dir,
      option.querySelector('input') as HTMLElement,
      option.lastElementChild as HTMLElement,
    );
    // Centred in the viewport whatever the direction.
    expect(Math.abs(centreX(dialog) - window.innerWidth / 2)).toBeLessThan(2);
  });

  it('speaks the language: its own words on every widget and in the dialog, none of the English ones', async () => {
    await renderLoaded(locale);
    const body = () => document.body.textContent ?? '';
    for (const word of [
      words.currentBalance,
      words.history,
      words.paymentMethods,
      words.usageByWebsite,
    ])
      expect(body()).toContain(word);
    if (locale !== 'en-US')
      for (const english of [
        'Current balance',
        'Transaction history',
        'Payment methods',
        'Load more',
      ])
        expect(body()).not.toContain(english);
    const dialog = await openAddCreditsDialog();
    expect(within(dialog).getByRole('heading').textContent).toBe(words.addCreditsTitle);
    expect(text(dialog.querySelector('[data-slot="pay-button"]'))).toContain(
      f.money(PRICES.USD[0], 'USD'),
    );
  });

  it('date filters read in the locale (no browser "mm/dd/yyyy") and the search hint fits', async () => {
    await renderLoaded(locale);
    const history = widgetRoot('history-table');
    const from = within(history).getByLabelText(words.filterFrom) as HTMLInputElement;
    const shown = () => text(from.parentElement?.querySelector('[data-slot="date-filter-value"]'));
    expect(shown()).toBe(words.anyDate);
    // The browser's own segments ("mm/dd/yyyy" in this English Chromium) are not painted at rest.
    expect(getComputedStyle(from).color).toBe('rgba(0, 0, 0, 0)');
    // Choosing a day as the browser's picker does (it sets the value and fires input).
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(
      from,
      '2026-11-15',
    );
    from.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => expect(shown()).toBe(f.date('2026-11-15T00:00:00Z')));
    // The placeholder's words fit inside the search field, at the page width and at 320 px.
    const search = within(history).getByRole('searchbox') as HTMLInputElement;
    const fits = () => {
      const style = getComputedStyle(search);
      const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      context.font = style.font;
      const room =
        search.clientWidth -
        Number.parseFloat(style.paddingLeft) -
        Number.parseFloat(style.paddingRight);
      return context.measureText(search.placeholder).width <= room;
    };
    expect(search.placeholder).toBe(words.searchPlaceholder);
    expect(fits()).toBe(true);
    (document.querySelector('[data-testid="host-column"]') as HTMLElement).style.width = '320px';
    // A narrow history keeps its filters behind a button: open them as a user would.
    const toggle = history.querySelector('[data-slot="history-filters-toggle"]') as HTMLElement;
    await waitFor(() => expect(toggle).toBeVisible());
    toggle.click();
    await waitFor(() => expect(search.clientWidth).toBeGreaterThan(0));
    expect(search.clientWidth).toBeLessThan(320);
    expect(fits()).toBe(true);
  });

  if (dir === 'rtl')
    it('keeps a price whole inside an Arabic sentence: the word first (on the right), then the amount', async () => {
      await renderLoaded(locale);
      const dialog = await openAddCreditsDialog();
      const pay = dialog.querySelector('[data-slot="pay-button"]') as HTMLElement;
      const price = f.money(PRICES.USD[0], 'USD');
      // The amount is isolated (U+2068 … U+2069), not left to the paragraph's direction.
      expect(text(pay)).toContain(`\u2068${price}\u2069`);
      const node = [...pay.querySelectorAll('*'), pay]
        .flatMap((element) => [...element.childNodes])
        .find(
          (child) => child.nodeType === Node.TEXT_NODE && child.textContent?.includes(price),
        ) as Text;
      const box = (from: number, to: number) => {
        const range = document.createRange();
        range.setStart(node, from);
        range.setEnd(node, to);
        return range.getBoundingClientRect();
      };
      const content = node.textContent ?? '';
      const wordEnd = content.indexOf(' ');
      const start = content.indexOf(price);
      const word = box(0, wordEnd);
      const amount = box(start, start + price.length);
      expect(word.width).toBeGreaterThan(0);
      expect(word.left).toBeGreaterThanOrEqual(amount.right - 1);
    });

  it('shows the digits Intl uses for the locale, and no others', async () => {
    await renderLoaded(locale);
    // The locale's digits: Arabic-Indic (٠…٩) for ar-EG, ASCII for the others.
    const own = new Set(f.number(1_234_567_890).match(/\p{Nd}/gu));
    expect(own.size).toBe(10);
    const digitsIn = (element: Element) => formattedText(element, words).match(/\p{Nd}/gu) ?? [];
    const dialog = await openAddCreditsDialog();
    for (const element of [...WIDGET_SLOTS.map(widgetRoot), dialog]) {
      const digits = digitsIn(element);
      expect(digits.length, element.getAttribute('data-slot') ?? '').toBeGreaterThan(0);
      expect(
        digits.filter((digit) => !own.has(digit)),
        element.getAttribute('data-slot') ?? '',
      ).toEqual([]);
    }
  });
});
