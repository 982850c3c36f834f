/**
 * HistoryTable with 100,000 loaded transactions, in Chromium, next to a bare
 * TanStack Virtual list of the same rows measured in the same run.
 *
 * Figures (mount → next frame, prepend one row → next frame) are printed and
 * written to benchmarks/results/history-table.md — never asserted: timings on
 * shared machines are noise. What is asserted is deterministic: the DOM size
 * does not grow with the number of rows.
 */
import { QueryClient } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { createCreditsClient, type Transaction } from 'credits-core';
import { creditsKeys } from 'credits-core/query';
import { createCreditsBackend, generateTransactions } from 'credits-msw';
import { CreditsProvider, HistoryTable } from 'credits-react';
import { useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { expect, it } from 'vitest';
import {
  inTurns,
  median,
  mountTimed,
  nextFrame,
  RUNS,
  rawMs,
  unmount,
  WARMUP,
  writeReport,
} from './renderBench';

const ROWS = 100_000;
const transactions = generateTransactions({ count: ROWS, seed: 5 });

let prependBare: (row: Transaction) => void = () => {};
function BareList({ rows: initial }: { rows: Transaction[] }) {
  const [rows, setRows] = useState(initial);
  prependBare = (row) => setRows((current) => [row, ...current]);
  const parent = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => parent.current,
    estimateSize: () => 56,
    overscan: 8,
  });
  return (
    <div ref={parent} style={{ height: 448, overflow: 'auto' }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index] as Transaction;
          return (
            <div
              key={item.key}
              style={{
                position: 'absolute',
                top: 0,
                height: 56,
                transform: `translateY(${item.start}px)`,
                display: 'flex',
                gap: 8,
              }}
            >
              <span>{row.createdAt}</span>
              <span>{row.description}</span>
              <span>{row.amount}</span>
              <span>{row.balanceAfter}</span>
              <span>{row.website?.name}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}

/**
 * The loaded pages, built once: the bare list gets its ready-made array too, so neither
 * side's timing includes building its data (or collecting the garbage that leaves).
 */
const pagesOf = (rows: Transaction[]) =>
  createCreditsBackend({ transactions: rows }).transactionPages({ limit: 100 });
const loadedPages = pagesOf(transactions);

function mountHistory(pages: ReturnType<typeof pagesOf>) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(creditsKeys.transactionList('bench', { limit: 100 }), pages);
  // Nothing is fetched: the cache is fresh and no request may leave the page.
  queryClient.setDefaultOptions({ queries: { staleTime: Number.POSITIVE_INFINITY } });
  const client = createCreditsClient({ baseUrl: 'http://127.0.0.1:9/none' });
  const mounted = mountTimed(
    <CreditsProvider
      client={client}
      account="bench"
      locale="en-US"
      timeZone="UTC"
      queryClient={queryClient}
    >
      <HistoryTable pageSize={100}>
        <HistoryTable.Table />
      </HistoryTable>
    </CreditsProvider>,
  );
  return { ...mounted, queryClient };
}

it(`HistoryTable with ${ROWS.toLocaleString('en-US')} rows vs a bare TanStack Virtual list`, async () => {
  let domHistory = 0;
  let domBare = 0;
  const extra: Transaction = {
    ...transactions[0]!,
    id: 'txn_new',
    balanceAfter: transactions[0]!.balanceAfter - 10,
    amount: -10,
  };

  const results = await inTurns(
    ['bare', 'history'],
    async (side): Promise<Record<string, number>> => {
      if (side === 'bare') {
        const mounted = mountTimed(<BareList rows={transactions} />);
        await nextFrame();
        const mount = performance.now() - mounted.started;
        domBare = mounted.container.querySelectorAll('*').length;
        const before = performance.now();
        flushSync(() => prependBare(extra));
        await nextFrame();
        const prepend = performance.now() - before;
        unmount(mounted);
        return { bare: mount, barePrepend: prepend };
      }
      const mounted = mountHistory(loadedPages);
      await nextFrame();
      const mount = performance.now() - mounted.started;
      domHistory = mounted.container.querySelectorAll('*').length;
      const key = creditsKeys.transactionList('bench', { limit: 100 });
      const before = performance.now();
      flushSync(() =>
        mounted.queryClient.setQueryData<{
          pages: { data: Transaction[]; nextCursor: string | null }[];
          pageParams: (string | null)[];
        }>(key, (data) =>
          data
            ? {
                ...data,
                pages: [
                  { ...data.pages[0]!, data: [extra, ...data.pages[0]!.data] },
                  ...data.pages.slice(1),
                ],
              }
            : data,
        ),
      );
      await nextFrame();
      const prepend = performance.now() - before;
      unmount(mounted);
      return { history: mount, historyPrepend: prepend };
    },
  );
  const timings = (name: string) => results[name] ?? [];

  // Deterministic: the DOM does not grow with the rows.
  const small = mountHistory(pagesOf(transactions.slice(-1_000)));
  await nextFrame();
  const domSmall = small.container.querySelectorAll('*').length;
  unmount(small);
  expect(domHistory).toBe(domSmall);
  expect(domHistory).toBeLessThan(800);

  const row = (name: string, history: number, bare: number) =>
    `| ${name} | ${history.toFixed(1)} ms | ${bare.toFixed(1)} ms | ${(history / bare).toFixed(2)}× | ≤ 1.5× ${history / bare <= 1.5 ? '✓' : '✗'} |`;
  const report = [
    `# HistoryTable benchmark`,
    '',
    `Chromium (headless, Debian) on this machine, ${new Date().toISOString().slice(0, 10)}. ${ROWS.toLocaleString('en-US')} loaded transactions, median of ${RUNS} runs after ${WARMUP} unmeasured warm-up rounds, alternating order. Written by \`pnpm bench\` (benchmarks/historyTable.bench.browser.tsx).`,
    '',
    '| measure | HistoryTable | bare TanStack Virtual list | ratio | target |',
    '|---|---|---|---|---|',
    row('mount → next frame', median(timings('history')), median(timings('bare'))),
    row(
      'prepend one row → next frame',
      median(timings('historyPrepend')),
      median(timings('barePrepend')),
    ),
    '',
    `DOM elements: HistoryTable ${domHistory} with ${ROWS.toLocaleString('en-US')} rows and ${domSmall} with 1,000 rows; the bare list ${domBare}.`,
    '',
    `Raw (ms): HistoryTable mount ${rawMs(timings('history'))}; bare mount ${rawMs(timings('bare'))}.`,
    '',
  ];
  await writeReport('history-table.md', report);
});
