import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Transaction } from 'credits-core';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { UsageByWebsite } from '../src/index';
import { BASE_URL, listenWithMsw, renderWithCredits, requests } from './renderWithCredits';

listenWithMsw();

/** Twelve websites used yesterday, website `n` (1…12) spending 1,300 − 100·n credits. */
function twelveWebsites(): Transaction[] {
  const yesterday = Date.now() - 86_400_000;
  let balance = 100_000;
  const rows: Transaction[] = [
    {
      id: 'txn_grant',
      createdAt: new Date(yesterday - 3_600_000).toISOString(),
      type: 'grant',
      description: 'Welcome credits',
      amount: balance,
      balanceAfter: balance,
      website: null,
      purchaseId: null,
    },
  ];
  for (let n = 1; n <= 12; n += 1) {
    balance -= 1_300 - 100 * n;
    rows.push({
      id: `txn_${n}`,
      createdAt: new Date(yesterday + n * 1_000).toISOString(),
      type: 'usage',
      description: 'Website generation',
      amount: -(1_300 - 100 * n),
      balanceAfter: balance,
      website: { id: `web_${String(n).padStart(2, '0')}`, name: `Site ${n}`, url: null },
      purchaseId: null,
    });
  }
  return rows.reverse();
}

/** The backend's page size (the widget asks for none: HistoryTable's filter shares its request). */
const pagesOf = (defaultPageSize: number) => ({
  transactions: twelveWebsites(),
  limits: { maxPageSize: 100, defaultPageSize },
});

const rows = () => screen.getAllByRole('listitem').map((item) => item.textContent ?? '');
/** The websites listed, by name, in order. */
const names = () =>
  screen
    .getAllByRole('listitem')
    .map((item) => item.querySelector('[title]')?.getAttribute('title'));
const showMore = () => screen.queryByRole('button', { name: 'Show more websites' });

describe('UsageByWebsite: "Show more"', () => {
  it('lists the next page on each press, announces the count, keeps focus on the button, then moves it to the first new website', async () => {
    const user = userEvent.setup();
    // Pages of five: each press asks for the next page through the ranking's cursor.
    renderWithCredits(<UsageByWebsite />, { backend: pagesOf(5) });
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(names()[0]).toBe('Site 1');
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Showing 5 websites');
    const button = showMore()!;
    expect(button).toHaveAccessibleDescription('Showing 5 websites');

    await user.click(button);
    await waitFor(() => expect(rows()).toHaveLength(10));
    // The ranking goes on where it stopped, most first, nothing listed twice.
    expect(names()).toEqual(Array.from({ length: 10 }, (_, index) => `Site ${index + 1}`));
    expect(status).toHaveTextContent('Showing 10 websites');
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'));
    expect(button).toHaveFocus();
    // Each share is of the whole period, not of a page.
    expect(rows()[9]).toContain('300 credits · 3.8%');

    await user.keyboard('{Enter}');
    await waitFor(() => expect(rows()).toHaveLength(12));
    expect(status).toHaveTextContent('Showing 12 websites');
    expect(showMore()).toBeNull();
    const eleventh = screen.getAllByRole('listitem')[10]!;
    await waitFor(() => expect(eleventh).toHaveFocus());
    expect(eleventh).toHaveTextContent('Site 11');
    expect(requests.get('GET /usage/websites')).toBe(3);
  });

  it('shows no button and no count when one page holds every website', async () => {
    renderWithCredits(<UsageByWebsite limit={20} />, {
      backend: { transactions: twelveWebsites() },
    });
    await waitFor(() => expect(rows()).toHaveLength(12));
    expect(showMore()).toBeNull();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('reveals more from a page already loaded without a request, and fills a step from two pages when pages are smaller', async () => {
    const user = userEvent.setup();
    renderWithCredits(<UsageByWebsite limit={5} />, { backend: pagesOf(4) });
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(requests.get('GET /usage/websites')).toBe(2);
    await user.click(showMore()!);
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(names()).toEqual(Array.from({ length: 10 }, (_, index) => `Site ${index + 1}`));
    expect(requests.get('GET /usage/websites')).toBe(3);
  });

  it('keeps the websites shown when the next page fails, and Retry asks for it again', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderWithCredits(<UsageByWebsite />, {
      backend: pagesOf(5),
      handlers: [
        http.get(`${BASE_URL}/usage/websites`, ({ request }) => {
          if (!fail || !new URL(request.url).searchParams.has('cursor')) return undefined;
          return HttpResponse.json(
            { type: 'about:blank', title: 'Server error', status: 500, code: 'internal_error' },
            { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
          );
        }),
      ],
    });
    await waitFor(() => expect(rows()).toHaveLength(5));
    await user.click(showMore()!);
    const alert = await screen.findByRole('alert');
    expect(rows()).toHaveLength(5);
    fail = false;
    await user.click(within(alert.parentElement!).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(rows()).toHaveLength(10));
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
