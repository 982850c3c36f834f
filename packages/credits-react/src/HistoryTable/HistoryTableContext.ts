import type { TransactionFilters } from 'credits-core';
import { createContext, useContext } from 'react';
import type { HistoryFilterValues } from './historyFilterValues.js';

export interface HistoryTableContextValue {
  values: HistoryFilterValues;
  setValues: (next: HistoryFilterValues) => void;
  /** What the server is asked for (search debounced, days turned into instants). */
  filters: TransactionFilters;
  pageSize: number | undefined;
}

export const HistoryTableContext = createContext<HistoryTableContextValue | null>(null);

export function useHistoryTable(part: string): HistoryTableContextValue {
  const value = useContext(HistoryTableContext);
  if (!value) throw new Error(`<HistoryTable.${part}> must be used inside <HistoryTable>`);
  return value;
}
