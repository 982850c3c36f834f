import type { CreditsClient, TransactionFilters } from 'credits-core';
import { exportTransactions } from 'credits-core/export';

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
  // A BOM so spreadsheet apps read UTF-8 (Café, 東京) correctly.
  const blob = new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `credits-history-${new Date().toISOString().slice(0, 10)}.csv`;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return count;
}
