import type { Transaction } from '../schemas/transaction.js';

/** Characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would run as a formula gets a leading
 * `'` so it stays text; numbers are written as numbers so amounts stay numeric.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n']/.test(text) || text !== value ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = [
  'date',
  'type',
  'description',
  'amount',
  'balance_after',
  'website',
  'website_url',
  'id',
];

/** RFC 4180 rows (CRLF) for transactions; the header comes first when `header` is true. */
export function transactionsToCsv(rows: readonly Transaction[], header = true): string {
  const lines = rows.map((row) =>
    [
      csvCell(row.createdAt),
      csvCell(row.type),
      csvCell(row.description),
      csvCell(row.amount),
      csvCell(row.balanceAfter),
      csvCell(row.website?.name),
      csvCell(row.website?.url),
      csvCell(row.id),
    ].join(','),
  );
  return `${[...(header ? [CSV_HEADER.join(',')] : []), ...lines].join('\r\n')}\r\n`;
}
