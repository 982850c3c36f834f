import type { UsageSeries } from '../schemas/usageSeries.js';
import { csvCell } from './transactionsToCsv.js';

/**
 * What a usage chart shows, as RFC 4180 CSV (CRLF): a row per bucket with its start and end,
 * the credits of each series (website names as the header, `otherName` for "other"), the total
 * used and the credits bought. Website names go through `csvCell`, so a name a spreadsheet would
 * run as a formula stays text — the history's injection rule.
 */
export function usageSeriesToCsv(series: UsageSeries, otherName = 'Other'): string {
  const names = series.series.map((entry) => entry.website?.name ?? otherName);
  const header = ['start', 'end', ...names, 'total_used', 'purchased'].map(csvCell);
  const lines = series.buckets.map((bucket) =>
    [
      csvCell(bucket.start),
      csvCell(bucket.end),
      ...series.series.map((_, index) => csvCell(bucket.byWebsite[index] ?? 0)),
      csvCell(bucket.usage),
      csvCell(bucket.purchases),
    ].join(','),
  );
  return `${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
