export type { HistoryRowsProps } from './HistoryRows';
export { HistoryTable, type HistoryTableProps } from './HistoryTable';
export type { HistoryFilterValues } from './historyFilterValues';
