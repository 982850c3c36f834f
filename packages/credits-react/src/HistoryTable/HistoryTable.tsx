import { type ReactNode, useMemo } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useTransactions } from '../hooks/useTransactions.js';
import { useControllableState } from '../lib/useControllableState.js';
import { withErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';
import { widgetStatus } from '../lib/widgetStatus.js';
import { ExportCsvButton } from './ExportCsvButton.js';
import { HistoryFilters } from './HistoryFilters.js';
import { HistoryRows } from './HistoryRows.js';
import { HistoryTableContext } from './HistoryTableContext.js';
import { type HistoryFilterValues, toTransactionFilters } from './historyFilterValues.js';
import { useDebouncedValue } from './useDebouncedValue.js';

export interface HistoryTableProps {
  className?: string;
  /** Controlled filter values. */
  filters?: HistoryFilterValues;
  /** Initial filter values when uncontrolled. */
  defaultFilters?: HistoryFilterValues;
  onFiltersChange?: (filters: HistoryFilterValues) => void;
  /** Rows per request (the backend clamps it). Default: the backend's default page size. */
  pageSize?: number;
  /** Height of the scrolling rows. Default 28rem. */
  height?: number | string;
  /** Search waits this long after typing stops. Default 300 ms. */
  searchDebounceMs?: number;
  /** Recompose: `<HistoryTable><HistoryTable.Table /></HistoryTable>`. Default: filters, export, table. */
  children?: ReactNode;
}

/**
 * Every credit movement: date, description, signed amount, running balance and
 * the website that spent the credits — filtered on the server, paginated,
 * virtualised, exportable as CSV.
 */
function HistoryTableContent({
  className,
  filters: controlled,
  defaultFilters = {},
  onFiltersChange,
  pageSize,
  height,
  searchDebounceMs = 300,
  children,
}: HistoryTableProps) {
  const { timeZone } = useCreditsContext('<HistoryTable>');
  const [values, setValues] = useControllableState({
    prop: controlled,
    defaultProp: defaultFilters,
    onChange: onFiltersChange,
  });
  const search = useDebouncedValue(values.search ?? '', searchDebounceMs);
  const { type, websiteId, fromDay, toDay } = values;
  const serverFilters = useMemo(
    () => toTransactionFilters({ type, websiteId, fromDay, toDay, search }, timeZone),
    [type, websiteId, fromDay, toDay, search, timeZone],
  );
  const context = useMemo(
    () => ({
      values,
      setValues,
      filters: serverFilters,
      pageSize,
    }),
    [values, setValues, serverFilters, pageSize],
  );
  // The same query the rows read (shared cache, no extra request), so the root's
  // data-status tells a host or a test what the user sees.
  const query = useTransactions(serverFilters, pageSize);
  const status = widgetStatus(query);
  return (
    <HistoryTableContext.Provider value={context}>
      <WidgetRoot slot="history-table" status={status} className={className}>
        <div className="credits-history cr:flex cr:flex-col cr:gap-4">
          {children ?? (
            <>
              <HistoryFilters />
              <ExportCsvButton />
              <HistoryRows height={height} />
            </>
          )}
        </div>
      </WidgetRoot>
    </HistoryTableContext.Provider>
  );
}

// Pure: a host importing only BalanceCards must not pull HistoryTable (and TanStack Virtual) in.
export const HistoryTable = /* @__PURE__ */ Object.assign(
  /* @__PURE__ */ withErrorBoundary('history-table', HistoryTableContent),
  {
    Filters: HistoryFilters,
    Table: HistoryRows,
    ExportButton: ExportCsvButton,
  },
);
