import { getNumberFormat } from './getNumberFormat.js';

export interface FormatMoneyOptions {
  locale?: string;
  currencyDisplay?: 'symbol' | 'narrowSymbol' | 'code' | 'name';
}

/** How many minor-unit digits a currency has per ISO 4217: USD 2, JPY 0, KWD 3. */
export function currencyDigits(currency: string): number {
  return getNumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits as number;
}

/**
 * The exact decimal string of an integer amount of minor units
 * (`1999, 2` → `"19.99"`), built without floating-point division.
 */
export function minorUnitsToDecimal(amount: number, digits: number): string {
  const sign = amount < 0 ? '-' : '';
  const units = String(Math.abs(Math.trunc(amount))).padStart(digits + 1, '0');
  if (digits === 0) return `${sign}${units}`;
  return `${sign}${units.slice(0, -digits)}.${units.slice(-digits)}`;
}

/**
 * Formats money given as integer minor units, e.g. `{ amount: 18000, currency: 'USD' }`
 * → "$180.00", `{ amount: 1500, currency: 'JPY' }` → "¥1,500",
 * `{ amount: 12500, currency: 'KWD' }` → "KWD 12.500".
 */
export function formatMoney(
  money: { amount: number; currency: string },
  options: FormatMoneyOptions = {},
): string {
  const { locale, currencyDisplay = 'symbol' } = options;
  const decimal = minorUnitsToDecimal(money.amount, currencyDigits(money.currency));
  const format = getNumberFormat(locale, {
    style: 'currency',
    currency: money.currency,
    currencyDisplay,
  });
  // Intl formats decimal strings exactly (ES2023); the cast is only for older lib typings.
  return format.format(decimal as unknown as number);
}
