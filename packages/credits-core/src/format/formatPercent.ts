import { getNumberFormat } from './getNumberFormat.js';

/**
 * The share of credits used: 0…1, and above 1 when an overdraft made `used`
 * exceed `total` (1.2 reads "120%"; a bar clamps it itself). `0` when nothing was
 * ever granted, `1` when credits were used without any granted.
 */
export function percentUsed(balance: { total: number; used: number }): number {
  if (balance.total <= 0) return balance.used > 0 ? 1 : 0;
  return Math.max(0, balance.used / balance.total);
}

export interface FormatPercentOptions {
  locale?: string;
  maximumFractionDigits?: number;
}

/**
 * Formats a 0…1 fraction as a percentage, rounding down, so a balance that is
 * not fully used never reads "100%".
 */
export function formatPercent(fraction: number, options: FormatPercentOptions = {}): string {
  const { locale, maximumFractionDigits = 1 } = options;
  return getNumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits,
    roundingMode: 'floor',
  }).format(fraction);
}
