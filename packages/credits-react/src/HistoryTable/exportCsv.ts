import type { CreditsClient, TransactionFilters } from 'credits-core';
import { exportTransactions } from 'credits-core/export';
import { downloadCsv } from '../lib/downloadCsv.js';

/**
 * Loaded on demand when someone exports (a separate chunk): fetches every page
 * of the current filter and hands the browser a CSV download.
 */
export async function downloadTransactionsCsv(options: {
  client: CreditsClient;
  filters: TransactionFilters;
  signal: AbortSignal;
  onProgress: (rows: number) => void;
}): Promise<number> {
  let count = 0;
  const csv = await exportTransactions({
    ...options,
    onProgress: (rows) => {
      count = rows;
      options.onProgress(rows);
    },
  });
  downloadCsv(csv, `credits-history-${new Date().toISOString().slice(0, 10)}.csv`);
  return count;
}
