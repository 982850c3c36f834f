import type { CreditsClient, TransactionFilters } from '../createCreditsClient.js';
import type { Transaction } from '../schemas/transaction.js';
import { transactionsToCsv } from './transactionsToCsv.js';

export interface ExportTransactionsOptions {
  client: CreditsClient;
  filters?: TransactionFilters;
  /** Rows per request; the backend clamps it to its maxPageSize. Default 100. */
  pageSize?: number;
  /** Cancels the export between or during requests. */
  signal?: AbortSignal;
  /** Called after each page with the number of rows so far. */
  onProgress?: (rows: number) => void;
}

/**
 * Every transaction matching the filters, page after page with the server's
 * cursor, as one CSV document. Throws a `CreditsError` (`aborted` when cancelled).
 */
export async function exportTransactions(options: ExportTransactionsOptions): Promise<string> {
  const { client, filters = {}, pageSize = 100, signal, onProgress } = options;
  const rows: Transaction[] = [];
  let cursor: string | null = null;
  do {
    const page = await client.listTransactions({ ...filters, cursor, limit: pageSize }, { signal });
    rows.push(...page.data);
    onProgress?.(rows.length);
    cursor = page.nextCursor;
  } while (cursor);
  return transactionsToCsv(rows);
}
