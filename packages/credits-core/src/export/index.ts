export { type ExportTransactionsOptions, exportTransactions } from './exportTransactions.js';
export { CSV_HEADER, csvCell, transactionsToCsv } from './transactionsToCsv.js';
export { usageSeriesToCsv } from './usageSeriesToCsv.js';
