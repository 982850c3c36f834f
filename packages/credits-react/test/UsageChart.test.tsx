import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Transaction } from 'credits-core';
import { HttpResponse, http } from 'msw';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { HistoryTable, UsageByWebsite, type UsagePeriod } from '../src/index';
import { UsageChart } from '../src/UsageChart/index';
import { BASE_URL, listenWithMsw, renderWithCredits, requests } from './renderWithCredits';

listenWithMsw();

const DAY = 86_400_000;
const web = (id: string, name: string) => ({ id, name, url: null });

/** Usage on the last three days (UTC) on two websites, a purchase two days ago; newest first. */
function recentLedger(): Transaction[] {
  const today = Date.parse(new Date().toISOString().slice(0, 10));
  const rows = [
    { at: today - 2 * DAY + 3_600_000, type: 'grant', amount: 50_000, website: null },
    { at: today - 2 * DAY + 7_200_000, type: 'purchase', amount: 10_000, website: null },
    {
      at: today - 2 * DAY + 9_000_000,
      type: 'usage',
      amount: -300,
      website: web('web_a', 'Bakery'),
    },
    { at: today - DAY + 3_600_000, type: 'usage', amount: -200, website: web('web_b', '=Florist') },
    { at: today + 60_000, type: 'usage', amount: -100, website: web('web_a', 'Bakery') },
  ];
  let balance = 0;
  return rows
    .map((row, index) => {
      balance += row.amount;
      return {
        id: `txn_${index}`,
        createdAt: new Date(row.at).toISOString(),
        type: row.type,
        description: row.type,
        amount: row.amount,
        balanceAfter: balance,
        website: row.website,
        purchaseId: null,
      } satisfies Transaction;
    })
    .reverse();
}

/** The chart filtering the history beside it, through HistoryTable's own filter values. */
function ChartFilteringHistory() {
  const [filters, setFilters] = useState({});
  return (
    <>
      <UsageChart defaultPeriod={{ preset: 'last7' }} onSelect={setFilters} />
      <HistoryTable filters={filters} onFiltersChange={setFilters} />
    </>
  );
}

/** One period for the chart and the ranking. */
function SharedPeriod() {
  const [period, setPeriod] = useState<UsagePeriod>({ preset: 'last30' });
  return (
    <>
      <UsageChart period={period} onPeriodChange={setPeriod} />
      <UsageByWebsite period={period} onPeriodChange={setPeriod} />
    </>
  );
}

describe('<UsageChart>', () => {
  it('shows the total, a summary, one named bar per day with its values, and purchases marked', async () => {
    renderWithCredits(<UsageChart defaultPeriod={{ preset: 'last7' }} />, {
      backend: { transactions: recentLedger() },
    });
    expect(await screen.findByText('600 credits used')).toBeInTheDocument();
    expect(
      await screen.findByText(/600 credits used in this period\. Most used by Bakery\./),
    ).toBeInTheDocument();
    const bars = await screen.findAllByRole('button', { name: /credits used/ });
    expect(bars).toHaveLength(7);
    const purchaseDay = bars[4]!;
    expect(purchaseDay).toHaveAccessibleName(
      /: 300 credits used; Bakery: 300 credits; Purchased: 10,000 credits$/,
    );
    expect(document.querySelectorAll('[data-slot="usage-chart-purchase"]')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Bakery' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '=Florist' })).toBeInTheDocument();
  });

  it('walks the bars with the arrow keys, one tab stop, each announced by name', async () => {
    renderWithCredits(<UsageChart defaultPeriod={{ preset: 'last7' }} />, {
      backend: { transactions: recentLedger() },
    });
    const bars = await screen.findAllByRole('button', { name: /credits used/ });
    expect(bars.filter((bar) => bar.getAttribute('tabindex') === '0')).toHaveLength(1);
    act(() => bars[0]!.focus());
    fireEvent.keyDown(bars[0]!, { key: 'End' });
    expect(document.activeElement).toBe(bars[6]);
    fireEvent.keyDown(bars[6]!, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(bars[5]);
    expect(document.activeElement).toHaveAccessibleName(/200 credits used; =Florist: 200 credits$/);
  });

  it('shows the same numbers as a table, and exports exactly them as CSV with formula names kept as text', async () => {
    const user = userEvent.setup();
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:usage';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    renderWithCredits(<UsageChart defaultPeriod={{ preset: 'last7' }} />, {
      backend: { transactions: recentLedger() },
    });
    await user.click(await screen.findByRole('button', { name: 'Show as table' }));
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('row')).toHaveLength(8);
    expect(within(table).getByRole('columnheader', { name: '=Florist' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const csv = (await created[0]!.text()).replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(`start,end,Bakery,"'=Florist",total_used,purchased`);
    expect(lines).toHaveLength(8);
    expect(lines.slice(1).map((line) => line.split(',').slice(2))).toEqual(
      [...within(table).getAllByRole('row')].slice(1).map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent?.replace(/,/g, '')),
      ),
    );
  });

  it('filters the history to a website when its legend entry is chosen', async () => {
    const user = userEvent.setup();
    renderWithCredits(<ChartFilteringHistory />, { backend: { transactions: recentLedger() } });
    await user.click(await screen.findByRole('button', { name: '=Florist' }));
    expect(screen.getByText('Showing =Florist only')).toBeInTheDocument();
    await waitFor(() => {
      const history = document.querySelector('[data-slot="history-table"]') as HTMLElement;
      expect(within(history).getByRole('combobox', { name: 'Website' })).toHaveValue('web_b');
    });
  });

  it('moves UsageByWebsite and the chart together with one shared period', async () => {
    const user = userEvent.setup();
    renderWithCredits(<SharedPeriod />, { backend: { transactions: recentLedger() } });
    const pickers = await screen.findAllByRole('combobox', { name: 'Period' });
    expect(pickers).toHaveLength(2);
    await user.selectOptions(pickers[0]!, 'Last 7 days');
    await waitFor(() => expect(pickers[1]).toHaveValue('last7'));
    expect(await screen.findAllByRole('button', { name: /credits used/ })).toHaveLength(7);
  });

  it('says when nothing was used', async () => {
    renderWithCredits(<UsageChart />, { backend: { transactions: [] } });
    expect(await screen.findByText('No credits used in this period.')).toBeInTheDocument();
  });

  it('shows the error with a way forward, and recovers on Retry', async () => {
    const user = userEvent.setup();
    let fail = true;
    renderWithCredits(<UsageChart defaultPeriod={{ preset: 'last7' }} />, {
      backend: { transactions: recentLedger() },
      handlers: [
        http.get(`${BASE_URL}/usage/series`, () =>
          fail
            ? HttpResponse.json(
                { type: 'about:blank', title: 'Down', status: 503, code: 'service_unavailable' },
                { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
              )
            : undefined,
        ),
      ],
    });
    const retry = await screen.findByRole('button', { name: 'Retry' });
    fail = false;
    await user.click(retry);
    expect(await screen.findByText('600 credits used')).toBeInTheDocument();
    expect(requests.get('GET /usage/series')).toBeGreaterThan(1);
  });
});
