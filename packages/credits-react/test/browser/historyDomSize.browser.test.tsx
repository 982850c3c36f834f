/**
 * HistoryTable's DOM does not grow with the rows it has loaded: 100,000 rows
 * render the same elements as 1,000 (virtualised). Deterministic, so it is part
 * of `npm test`; the timings next to a bare TanStack Virtual list are measured
 * by `pnpm bench` only (benchmarks/historyTable.bench.browser.tsx).
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { createCreditsClient, type Transaction } from 'credits-core';
import { creditsKeys } from 'credits-core/query';
import { createCreditsBackend, generateTransactions } from 'credits-msw';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { CreditsProvider, HistoryTable } from '../../src/index';
import { installStyles } from './widgetHarness';

beforeAll(installStyles);
afterEach(cleanup);

const rows = generateTransactions({ count: 100_000, seed: 5 });

function domSizeWith(transactions: Transaction[]) {
  const queryClient = new QueryClient({
    // The cache is preloaded and fresh: nothing is fetched.
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  queryClient.setQueryData(
    creditsKeys.transactionList('acct_dom', { limit: 100 }),
    createCreditsBackend({ transactions }).transactionPages({ limit: 100 }),
  );
  const { container, unmount } = render(
    <div style={{ width: 900 }}>
      <CreditsProvider
        client={createCreditsClient({ baseUrl: 'http://127.0.0.1:9/none' })}
        account="acct_dom"
        locale="en-US"
        timeZone="UTC"
        queryClient={queryClient}
      >
        <HistoryTable pageSize={100}>
          <HistoryTable.Table />
        </HistoryTable>
      </CreditsProvider>
    </div>,
  );
  const loaded = container.querySelector('[role="table"]')?.getAttribute('aria-rowcount');
  const size = container.querySelectorAll('*').length;
  unmount();
  return { loaded: Number(loaded) - 1, size };
}

it('renders the same number of elements for 100,000 loaded rows as for 1,000', () => {
  const huge = domSizeWith(rows);
  const small = domSizeWith(rows.slice(-1_000));
  expect(huge.loaded).toBe(100_000);
  expect(small.loaded).toBe(1_000);
  expect(huge.size).toBe(small.size);
  expect(huge.size).toBeLessThan(800);
});
