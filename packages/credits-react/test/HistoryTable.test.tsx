import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Transaction } from 'credits-core';
import { generateTransactions } from 'credits-msw';
import { http } from 'msw';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { AddCreditsDialog, HistoryTable, UsageByWebsite } from '../src/index';
import {
  BASE_URL,
  listenWithMsw,
  renderWithCredits,
  requests,
  simpleLedger,
} from './renderWithCredits';

listenWithMsw();

// jsdom has no layout: give the scroll area the size a browser would,
// so the virtualiser renders rows (the real thing is tested in Chromium stories).
const sizes: Record<
  string,
  { clientHeight?: number; clientWidth?: number; offsetHeight?: number }
> = {
  'history-scroll': { clientHeight: 448, clientWidth: 800 },
};
const originals = new Map<string, PropertyDescriptor | undefined>();
beforeAll(() => {
  for (const property of ['clientHeight', 'clientWidth', 'offsetHeight'] as const) {
    originals.set(property, Object.getOwnPropertyDescriptor(HTMLElement.prototype, property));
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      get(this: HTMLElement) {
        return sizes[this.getAttribute('data-slot') ?? '']?.[property] ?? 0;
      },
    });
  }
});
afterAll(() => {
  for (const [property, descriptor] of originals) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, property, descriptor);
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[property];
  }
});

const rowsOf = () => screen.queryAllByRole('row').slice(1);

function hostile(): Transaction[] {
  const base = simpleLedger();
  const rows: Transaction[] = [
    {
      ...base[0]!,
      id: 'txn_js',
      description: '<img src=x onerror=alert(1)>Generated',
      website: { id: 'web_js', name: 'Evil', url: 'JaVaScRiPt:alert(1)' },
    },
    {
      ...base[0]!,
      id: 'txn_data',
      amount: 0 - 0 || -1,
      balanceAfter: 47_500,
      website: { id: 'w2', name: 'Data', url: 'data:text/html,hi' },
    },
  ];
  // keep balanceAfter chaining: both rows spend from 47,501 → 47,500 → …
  rows[1] = { ...rows[1]!, amount: -1, balanceAfter: 47_500 };
  rows[0] = { ...rows[0]!, amount: -1, balanceAfter: 47_499 };
  return [...rows, { ...base[0]!, balanceAfter: 47_501, amount: -12_499 }, base[1]!];
}

describe('<HistoryTable>', () => {
  it('lists transactions with date, description, signed amount, running balance and website', async () => {
    renderWithCredits(<HistoryTable />);
    await waitFor(() => expect(rowsOf()).toHaveLength(2));
    const [usage, grant] = rowsOf() as [HTMLElement, HTMLElement];
    expect(within(usage).getByRole('cell', { name: /Website generation/ })).toHaveTextContent(
      'Usage',
    );
    expect(within(usage).getByText('−12,500')).toHaveAttribute('data-sign', 'negative');
    expect(within(usage).getByText('47,500')).toBeInTheDocument();
    expect(within(usage).getByText('Nov 20, 2026')).toHaveAttribute(
      'dateTime',
      '2026-11-20T10:00:00Z',
    );
    const link = within(usage).getByRole('link', { name: /^Bakery ?\(opens in a new tab\)$/ });
    expect(link).toHaveAttribute('href', 'https://bakery.example/');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(within(grant).getByText('+60,000')).toHaveAttribute('data-sign', 'positive');
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '3');
    expect(usage).toHaveAttribute('aria-rowindex', '2');
    expect(screen.getByRole('columnheader', { name: 'Amount' })).toBeInTheDocument();
    expect(screen.getByText('That’s the whole history.')).toBeInTheDocument();
  });

  it('never turns backend text into HTML or a javascript:/data: link', async () => {
    renderWithCredits(<HistoryTable />, { backend: { transactions: hostile() } });
    await waitFor(() => expect(rowsOf()).toHaveLength(4));
    expect(screen.getByText('<img src=x onerror=alert(1)>Generated')).toBeInTheDocument();
    expect(document.querySelector('img')).toBeNull();
    const table = within(screen.getByRole('table'));
    expect(table.getByText('Evil').closest('a')).toBeNull();
    expect(table.getByText('Data').closest('a')).toBeNull();
    for (const link of screen.queryAllByRole('link'))
      expect(link.getAttribute('href')).toMatch(/^https?:/);
  });

  it('shows a friendly empty state for a new account', async () => {
    renderWithCredits(<HistoryTable />, { backend: { transactions: [] } });
    expect(await screen.findByText(/No transactions yet/)).toBeInTheDocument();
  });

  it('filters on the server by type, and says when nothing matches', async () => {
    const { client } = renderWithCredits(<HistoryTable />);
    const list = vi.spyOn(client, 'listTransactions');
    await waitFor(() => expect(rowsOf()).toHaveLength(2));
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'purchase');
    expect(await screen.findByText('No transactions match these filters.')).toBeInTheDocument();
    expect(list).toHaveBeenLastCalledWith(
      expect.objectContaining({ type: 'purchase' }),
      expect.anything(),
    );
    // One way out, in the message that says nothing matches (not a second in the filters).
    const clear = screen.getAllByRole('button', { name: 'Clear filters' });
    expect(clear).toHaveLength(1);
    expect(
      screen
        .getByText('No transactions match these filters.')
        .closest('[data-slot="history-rows"]'),
    ).toContainElement(clear[0]!);
    await userEvent.click(clear[0]!);
    await waitFor(() => expect(rowsOf()).toHaveLength(2));
  });

  it('debounces the search and sends it to the server', async () => {
    const { client } = renderWithCredits(<HistoryTable searchDebounceMs={50} />);
    const list = vi.spyOn(client, 'listTransactions');
    await waitFor(() => expect(rowsOf()).toHaveLength(2));
    await userEvent.type(screen.getByLabelText('Search'), 'welcome');
    await waitFor(() => expect(rowsOf()).toHaveLength(1));
    expect(screen.getByText('Welcome credits')).toBeInTheDocument();
    const searches = list.mock.calls.map(([params]) => params?.search).filter(Boolean);
    expect(searches).toEqual(['welcome']);
  });

  it('never lets a search grow past what the contract accepts (a backend answers 400 beyond it)', async () => {
    renderWithCredits(<HistoryTable searchDebounceMs={50} />);
    await waitFor(() => expect(rowsOf()).toHaveLength(2));
    const search = screen.getByLabelText('Search') as HTMLInputElement;
    await userEvent.click(search);
    await userEvent.paste('x'.repeat(250));
    expect(search.value).toHaveLength(200);
  });

  it('turns the date range into the user’s calendar days', async () => {
    const { client } = renderWithCredits(<HistoryTable />, {
      provider: { timeZone: 'Europe/Berlin' },
    });
    const list = vi.spyOn(client, 'listTransactions');
    await waitFor(() => expect(rowsOf()).toHaveLength(2));
    await userEvent.type(screen.getByLabelText('From'), '2026-11-15');
    await userEvent.type(screen.getByLabelText('To'), '2026-11-20');
    await waitFor(() => expect(rowsOf()).toHaveLength(1));
    expect(list).toHaveBeenLastCalledWith(
      expect.objectContaining({ from: '2026-11-14T23:00:00.000Z', to: '2026-11-20T23:00:00.000Z' }),
      expect.anything(),
    );
  });

  it('loads more pages with the server’s cursor', async () => {
    // 30 rows a page: more than fit the viewport, so only the button loads more.
    renderWithCredits(<HistoryTable pageSize={30} />, {
      backend: { transactions: generateTransactions({ count: 65 }) },
    });
    expect(await screen.findByText('Showing 30 transactions')).toBeInTheDocument();
    expect(rowsOf().length).toBeLessThan(30);
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Showing 60 transactions')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('Showing 65 transactions')).toBeInTheDocument();
    expect(screen.getByRole('table')).toHaveAttribute('aria-rowcount', '66');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('shows an error with Retry', async () => {
    renderWithCredits(<HistoryTable />, { scenario: 'serverError' });
    expect(await screen.findByRole('alert')).toHaveTextContent('The server had a problem');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('exports the current filter as CSV, with progress', async () => {
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:csv';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderWithCredits(<HistoryTable />, { backend: { transactions: hostile() } });
    await waitFor(() => expect(rowsOf()).toHaveLength(4));
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(await screen.findByText('Exported 4 rows.')).toBeInTheDocument();
    expect(click).toHaveBeenCalledTimes(1);
    const lines = (await created[0]!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('date,type,description,amount,balance_after,website,website_url,id');
    expect(lines[1]).toBe(
      '2026-11-20T10:00:00Z,usage,<img src=x onerror=alert(1)>Generated,-1,47499,Evil,JaVaScRiPt:alert(1),txn_js',
    );
    expect(lines).toHaveLength(6);
    click.mockRestore();
  });

  it('is one request for the first page however many parts read it', async () => {
    renderWithCredits(
      <HistoryTable>
        <HistoryTable.Filters />
        <HistoryTable.Table />
      </HistoryTable>,
    );
    await waitFor(() => expect(rowsOf()).toHaveLength(2));
    expect(requests.get('GET /transactions')).toBe(1);
  });
});

describe('<UsageByWebsite>', () => {
  it('ranks websites by credits spent, with their share', async () => {
    renderWithCredits(<UsageByWebsite />, {
      backend: {
        transactions: generateTransactions({ count: 200, now: new Date().toISOString() }),
      },
    });
    const items = await screen.findAllByRole('listitem');
    expect(items.length).toBeGreaterThan(1);
    const credits = items.map((item) =>
      Number(item.textContent?.match(/([\d,]+) credits/)?.[1]?.replace(/,/g, '')),
    );
    expect([...credits].sort((a, b) => b - a)).toEqual(credits);
  });

  it('says when nothing was spent', async () => {
    renderWithCredits(<UsageByWebsite />, { backend: { transactions: [] } });
    expect(await screen.findByText('No credits spent in this period.')).toBeInTheDocument();
  });
});

describe('<HistoryTable> after a purchase', () => {
  const rowsIn = (table: HTMLElement) => within(table).queryAllByRole('row').slice(1);

  it('shows the purchase’s ledger row at once, before the history is refetched, only in lists that show purchases', async () => {
    let holdRefetch = false;
    // The first history requests are answered; the revalidation after the purchase never is.
    const history = http.get(`${BASE_URL}/transactions`, async () => {
      if (holdRefetch) await new Promise<never>(() => {});
      return undefined;
    });
    renderWithCredits(
      <>
        <AddCreditsDialog>
          <AddCreditsDialog.Trigger />
        </AddCreditsDialog>
        <HistoryTable />
        <HistoryTable defaultFilters={{ type: 'usage' }}>
          <HistoryTable.Table />
        </HistoryTable>
      </>,
      { handlers: [history] },
    );
    await waitFor(() => expect(screen.getAllByRole('table')).toHaveLength(2));
    const [all, usageOnly] = screen.getAllByRole('table') as [HTMLElement, HTMLElement];
    await waitFor(() => expect(rowsIn(all)).toHaveLength(simpleLedger().length));
    const usageRows = rowsIn(usageOnly).length;
    holdRefetch = true;
    await userEvent.click(screen.getByRole('button', { name: 'Add credits' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add credits' }));
    const pay = await dialog.findByRole('button', { name: 'Pay $10.00' });
    await waitFor(() => expect(pay).toBeEnabled());
    await userEvent.click(pay);
    expect(await dialog.findByText('+10,000 credits added')).toBeInTheDocument();
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    const [allAfter, usageAfter] = screen.getAllByRole('table') as [HTMLElement, HTMLElement];
    const [newest] = rowsIn(allAfter);
    expect(newest).toHaveTextContent('+10,000');
    expect(newest).toHaveTextContent('57,500');
    expect(rowsIn(allAfter)).toHaveLength(simpleLedger().length + 1);
    // A list filtered to usage does not get the purchase row.
    expect(rowsIn(usageAfter)).toHaveLength(usageRows);
  });
});
