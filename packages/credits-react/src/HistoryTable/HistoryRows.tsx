/** biome-ignore-all lint/a11y/noRedundantRoles: CSS grid/flex on table elements drops their table semantics in some browsers (Safari, older Chrome); explicit roles restore them. */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Transaction } from 'credits-core';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { useTransactions } from '../hooks/useTransactions.js';
import { historyLabels } from '../labels/historyLabels.js';
import { cn } from '../lib/cn.js';
import { ErrorState } from '../lib/ErrorState.js';
import { markCount, useIsolateValues } from '../lib/useIsolateValues.js';
import { useIsomorphicLayoutEffect } from '../lib/useIsomorphicLayoutEffect.js';
import { HistoryRow } from './HistoryRow.js';
import { HistoryRowsSkeleton, historyColumns } from './HistoryRowsSkeleton.js';
import { useHistoryTable } from './HistoryTableContext.js';
import { hasFilters } from './historyFilterValues.js';

export interface HistoryRowsProps {
  className?: string;
  /** Height of the scrolling area; rows beyond it are virtualised. Default 28rem. */
  height?: number | string;
  /**
   * Row height in px. Rows have a fixed height (one line of description), so nothing is measured.
   * Default 3.5rem: 56 px at the default text size, and taller when the user enlarges text.
   */
  rowHeight?: number;
}

/**
 * The root font size in px: 16 until mounted (as on the server), then the
 * browser's, which is larger when the user raised the default text size.
 */
function useRootFontSize() {
  const [size, setSize] = useState(16);
  useIsomorphicLayoutEffect(() => {
    const computed = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
    if (computed > 0) setSize(computed);
  }, []);
  return size;
}

/**
 * The ledger as a table, newest first. Rows are virtualised (100,000 loaded
 * rows keep a constant DOM size) while the table keeps its semantics: explicit
 * roles, `aria-rowcount` and `aria-rowindex`. More pages load on scroll or
 * with "Load more".
 */
export function HistoryRows({ className, height = '28rem', rowHeight }: HistoryRowsProps) {
  const rem = useRootFontSize();
  const rowPx = rowHeight ?? 3.5 * rem;
  const labels = useLabels(historyLabels);
  const isolate = useIsolateValues();
  const { values, setValues, filters, pageSize } = useHistoryTable('Table');
  const format = useFormatters();
  const query = useTransactions(filters, pageSize);
  const scrollRef = useRef<HTMLElement>(null);
  const captionId = useId();

  const rows = useMemo(() => query.data?.pages.flatMap((page) => page.data) ?? [], [query.data]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowPx,
    overscan: 8,
    getItemKey: (index) => rows[index]?.id ?? index,
    initialRect: { width: 800, height: 448 },
  });
  const items = virtualizer.getVirtualItems();

  // Infinite scroll: fetch the next page when the last rendered row nears the end.
  const lastIndex = items.at(-1)?.index ?? -1;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (lastIndex >= rows.length - 10 && rows.length > 0 && hasNextPage && !isFetchingNextPage) {
      void fetchNextPage();
    }
  }, [lastIndex, rows.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  if (query.isPending) {
    return <HistoryRowsSkeleton className={className} height={height} rowPx={rowPx} />;
  }
  if (query.isError && rows.length === 0) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (rows.length === 0) {
    const filtered = hasFilters(values);
    return (
      <div
        data-slot="history-rows"
        data-status={filtered ? 'no-matches' : 'empty'}
        className={cn(
          'cr:flex cr:flex-col cr:items-start cr:gap-3 cr:rounded-card cr:border cr:border-dashed cr:border-border cr:p-6 cr:text-sm',
          className,
        )}
      >
        <p className="cr:m-0">{filtered ? labels.noMatches : labels.noTransactions}</p>
        {filtered && (
          <button
            type="button"
            className="credits-button credits-button--secondary"
            onClick={() => setValues({})}
          >
            {labels.clearFilters}
          </button>
        )}
      </div>
    );
  }

  return (
    <div
      data-slot="history-rows"
      data-status="success"
      className={cn('credits-history cr:flex cr:flex-col cr:gap-3', className)}
    >
      {/* A focusable scroll region, so keyboard users can scroll the rows (WCAG 2.1.1). */}
      <section
        ref={scrollRef}
        aria-labelledby={captionId}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        tabIndex={0}
        data-slot="history-scroll"
        className="cr:relative cr:overflow-auto cr:rounded-card cr:border cr:border-border cr:bg-surface"
        style={{ maxHeight: height }}
      >
        {/* CSS grid/flex on table elements drops their semantics in some browsers: explicit roles restore them. */}
        <table
          role="table"
          aria-rowcount={rows.length + 1}
          className="cr:grid cr:w-full cr:border-collapse"
        >
          <caption id={captionId} className="cr:sr-only">
            {labels.history}
          </caption>
          <thead
            role="rowgroup"
            data-slot="history-head"
            className="cr:sticky cr:top-0 cr:z-10 cr:grid cr:bg-surface"
          >
            <tr role="row" aria-rowindex={1} className="credits-history-row cr:text-muted">
              {historyColumns.map((column) => (
                <th
                  key={column}
                  role="columnheader"
                  scope="col"
                  data-column={column}
                  className="cr:font-medium"
                >
                  {labels.columns[column]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody
            role="rowgroup"
            className="cr:relative cr:grid"
            style={{ height: virtualizer.getTotalSize() }}
          >
            {items.map((item) => (
              <HistoryRow
                key={item.key}
                transaction={rows[item.index] as Transaction}
                index={item.index}
                start={item.start}
                rowPx={rowPx}
              />
            ))}
          </tbody>
        </table>
      </section>
      <div
        data-slot="history-footer"
        className="cr:flex cr:flex-wrap cr:items-center cr:gap-3 cr:text-sm cr:text-muted"
      >
        <p role="status" className="cr:m-0">
          {isFetchingNextPage
            ? labels.loadingMore
            : isolate((mark) => labels.showing(markCount(mark, format.count(rows.length))))}
        </p>
        {hasNextPage ? (
          <button
            type="button"
            className="credits-button credits-button--secondary"
            disabled={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {labels.loadMore}
          </button>
        ) : (
          <p className="cr:m-0">{labels.endOfHistory}</p>
        )}
        {query.isError && <ErrorState error={query.error} onRetry={() => void fetchNextPage()} />}
      </div>
    </div>
  );
}
