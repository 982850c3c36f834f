export { type ExportTransactionsOptions, exportTransactions } from './exportTransactions.js';
export { CSV_HEADER, csvCell, transactionsToCsv } from './transactionsToCsv.js';
