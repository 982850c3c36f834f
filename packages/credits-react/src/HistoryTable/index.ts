export type { HistoryRowsProps } from './HistoryRows.js';
export { HistoryTable, type HistoryTableProps } from './HistoryTable.js';
export type { HistoryFilterValues } from './historyFilterValues.js';
