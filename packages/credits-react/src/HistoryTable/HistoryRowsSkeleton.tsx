import { useLabels } from '../hooks/useLabels.js';
import { historyLabels } from '../labels/historyLabels.js';
import { cn } from '../lib/cn.js';

const bar = 'credits-skeleton cr:inline-block cr:h-3 cr:align-middle';
/** The history's columns in order: the table's header and its loading skeleton's. */
export const historyColumns = ['date', 'description', 'amount', 'balance', 'website'] as const;
const widths = {
  date: 'cr:w-20',
  description: 'cr:w-3/5',
  amount: 'cr:w-12',
  balance: 'cr:w-16',
  website: 'cr:w-24',
};

/**
 * The history while its first page loads, shaped like what replaces it: the
 * same bordered scroll box, header and row height (the rows take the box's
 * height), so nothing below moves when the data arrives.
 */
export function HistoryRowsSkeleton({
  className,
  height,
  rowPx,
}: {
  className?: string;
  height: number | string;
  rowPx: number;
}) {
  const labels = useLabels(historyLabels);
  return (
    <div
      data-slot="history-rows"
      data-status="loading"
      aria-busy="true"
      className={cn('credits-history cr:flex cr:flex-col cr:gap-3', className)}
    >
      <p className="cr:sr-only">{labels.loadingHistory}</p>
      <div
        aria-hidden="true"
        className="cr:overflow-hidden cr:rounded-card cr:border cr:border-border cr:bg-surface"
        style={{ height }}
      >
        <div data-slot="history-head" className="credits-history-row cr:text-muted">
          {historyColumns.map((column) => (
            <span key={column} data-column={column} className="cr:font-medium">
              {labels.columns[column]}
            </span>
          ))}
        </div>
        {[0, 1, 2, 3, 4, 5, 6, 7].map((key) => (
          <div
            key={key}
            data-slot="history-skeleton-row"
            className="credits-history-row"
            style={{ height: rowPx }}
          >
            {historyColumns.map((column) => (
              <span key={column} data-column={column}>
                <span className={cn(bar, widths[column])} />
              </span>
            ))}
          </div>
        ))}
      </div>
      <div className="cr:h-10" />
    </div>
  );
}
