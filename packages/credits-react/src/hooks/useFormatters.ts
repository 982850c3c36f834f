import { formatCredits, formatDate, formatMoney, formatPercent } from 'credits-core';
import { useMemo } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import type { Count } from '../labels/CreditsLabels.js';

const pluralRules = new Map<string, Intl.PluralRules>();

function pluralOf(locale: string | undefined, count: number): Intl.LDMLPluralRule {
  const key = locale ?? '';
  let rules = pluralRules.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(key, rules);
  }
  return rules.select(count);
}

/** Formatters bound to the provider's locale and time zone. */
export function useFormatters() {
  const { locale, timeZone } = useCreditsContext('useFormatters()');
  return useMemo(
    () => ({
      locale,
      credits: (value: number, notation: 'standard' | 'compact' = 'standard') =>
        formatCredits(value, { locale, notation }),
      /** "+10,000" / "−1,250": a true minus sign (U+2212), which screen readers read as "minus". */
      signedCredits: (value: number) =>
        formatCredits(value, { locale, signDisplay: 'exceptZero' }).replace('-', '\u2212'),
      count: (value: number, notation: 'standard' | 'compact' = 'standard'): Count => ({
        count: value,
        formatted: formatCredits(value, { locale, notation }),
        plural: pluralOf(locale, value),
      }),
      money: (money: { amount: number; currency: string }) => formatMoney(money, { locale }),
      percent: (fraction: number) => formatPercent(fraction, { locale }),
      date: (iso: string, withTime = false) =>
        formatDate(iso, { locale, timeZone, timeStyle: withTime ? 'short' : undefined }),
    }),
    [locale, timeZone],
  );
}
