import { getNumberFormat } from './getNumberFormat.js';

export interface FormatCreditsOptions {
  /** BCP 47 locale; the runtime's default when omitted. */
  locale?: string;
  /** `standard`: 250,000 — `compact`: 250K. */
  notation?: 'standard' | 'compact';
  /** `exceptZero` gives ledger amounts their sign: +10,000 / −1,250. */
  signDisplay?: 'auto' | 'always' | 'exceptZero' | 'never';
}

/** Formats a whole number of credits for the given locale (grouping, digits, sign). */
export function formatCredits(credits: number, options: FormatCreditsOptions = {}): string {
  const { locale, notation = 'standard', signDisplay = 'auto' } = options;
  return getNumberFormat(locale, {
    notation,
    signDisplay,
    maximumFractionDigits: notation === 'compact' ? 1 : 0,
  }).format(credits);
}
