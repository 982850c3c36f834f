/**
 * The history's layout as a user sees it (issue 20, defects 3–5), in real
 * Chromium: it follows the width it is given, not the viewport. The screenshots
 * of every story (test/visual/) guard the look; this guards the rules.
 */
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { installStyles, LEDGER, renderAllWidgets, widgetRoot } from './widgetHarness';

async function renderHistory(column: number, locale = 'en-US') {
  renderAllWidgets({ locale, container: { width: column } });
  await waitFor(() =>
    expect(document.querySelectorAll('[data-slot="history-row"]')).toHaveLength(LEDGER.length),
  );
  return widgetRoot('history-table');
}

const box = (element: Element) => element.getBoundingClientRect();
const cell = (row: Element, column: string) =>
  row.querySelector(`[data-column="${column}"]`) as HTMLElement;

beforeAll(async () => {
  installStyles();
  await page.viewport(1280, 900);
});

afterEach(() => cleanup());

describe('HistoryTable layout', () => {
  it('in a 320 px column (a wide viewport): stacked rows with amount and balance in view, no sideways scroll', async () => {
    const root = await renderHistory(320);
    const scroll = root.querySelector('[data-slot="history-scroll"]') as HTMLElement;
    expect(scroll.scrollWidth).toBeLessThanOrEqual(scroll.clientWidth + 1);
    for (const row of root.querySelectorAll('[data-slot="history-row"]')) {
      for (const column of ['description', 'amount', 'balance', 'date']) {
        const part = box(cell(row, column));
        expect(part.width, column).toBeGreaterThan(0);
        expect(part.right, column).toBeLessThanOrEqual(box(scroll).right + 1);
        expect(part.left, column).toBeGreaterThanOrEqual(box(scroll).left - 1);
      }
      // Two lines: the amount beside the description, the balance below it.
      expect(box(cell(row, 'balance')).top).toBeGreaterThan(box(cell(row, 'amount')).bottom - 1);
    }
    // The balance says what it is where the column headers are hidden.
    const balance = cell(root.querySelector('[data-slot="history-row"]') as Element, 'balance');
    expect(getComputedStyle(balance, '::before').content).toContain('Balance');
  });

  it('in a 320 px column: the filters wait behind a button, so the rows come first', async () => {
    const root = await renderHistory(320);
    const toggle = screen.getByRole('button', { name: 'Filter transactions' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const filters = root.querySelector('[data-slot="history-filters"]') as HTMLElement;
    expect(filters).not.toBeVisible();
    const scroll = root.querySelector('[data-slot="history-scroll"]') as HTMLElement;
    // Before any data: the button and Export, not ~400 px of fields.
    expect(box(scroll).top - box(root).top).toBeLessThan(160);
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(filters).toBeVisible();
    expect(screen.getByRole('combobox', { name: 'Type' })).toBeVisible();
  });

  it('in a 900 px column: a table with its headers, the filters always shown, no button', async () => {
    const root = await renderHistory(900);
    expect(root.querySelector('[data-slot="history-filters-toggle"]')).not.toBeVisible();
    expect(root.querySelector('[data-slot="history-filters"]')).toBeVisible();
    const row = root.querySelector('[data-slot="history-row"]') as Element;
    expect(Math.abs(box(cell(row, 'amount')).top - box(cell(row, 'balance')).top)).toBeLessThan(1);
  });

  for (const locale of ['en-US', 'ar-EG']) {
    it(`Amount and Balance headers line up with their figures (${locale})`, async () => {
      const root = await renderHistory(900, locale);
      const row = root.querySelector('[data-slot="history-row"]') as Element;
      const rtl = locale === 'ar-EG';
      for (const column of ['amount', 'balance']) {
        const header = root.querySelector(`[role="columnheader"][data-column="${column}"]`);
        const headerText = header?.firstChild as Node;
        const figure = cell(row, column).firstChild as Node;
        const range = (node: Node) => {
          const r = document.createRange();
          r.selectNodeContents(node);
          return r.getBoundingClientRect();
        };
        // Both hug the cell's end edge: right in left-to-right, left in Arabic.
        const edge = (rect: DOMRect) => (rtl ? rect.left : rect.right);
        expect(Math.abs(edge(range(headerText)) - edge(range(figure))), column).toBeLessThan(2);
      }
    });
  }

  it('spending is neutral, credits added are green (not every usage in red)', async () => {
    const root = await renderHistory(900);
    const rows = [...root.querySelectorAll('[data-slot="history-row"]')];
    const usage = rows.find((row) => row.getAttribute('data-type') === 'usage') as Element;
    const purchase = rows.find((row) => row.getAttribute('data-type') === 'purchase') as Element;
    const colour = (element: Element) => getComputedStyle(element).color;
    expect(colour(cell(usage, 'amount'))).toBe(colour(cell(usage, 'description')));
    expect(colour(cell(purchase, 'amount'))).not.toBe(colour(cell(purchase, 'description')));
    expect(Number(getComputedStyle(cell(usage, 'amount')).fontWeight)).toBeLessThan(600);
  });
});
