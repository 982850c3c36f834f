import { textDirection } from 'credits-core';
import { useCallback } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

type Mark = (value: string) => string;

const isolated: Mark = (value) => `\u2068${value}\u2069`;
const plain: Mark = (value) => value;

/**
 * Builds a label with its interpolated values (amounts, dates, card names) isolated, so
 * mixed-direction text reads right in a right-to-left locale: the amount in "ادفع ١٠٫٠٠ US$"
 * stays whole instead of turning into "$US ١٠٫٠٠ Pay". `build` calls the label with
 * `mark(value)` in place of each value; in a right-to-left locale `mark` wraps the value in
 * Unicode first-strong isolates (U+2068 … U+2069, what `<bdi>` does, which screen readers do
 * not read). In a left-to-right locale the label is unchanged: its numbers, dates and money
 * are left to right already.
 */
export function useIsolateValues(): (build: (mark: Mark) => string) => string {
  const { locale } = useCreditsContext('useIsolateValues()');
  const mark = textDirection(locale) === 'rtl' ? isolated : plain;
  return useCallback((build) => build(mark), [mark]);
}

/** A count whose formatted number is marked by `mark`. */
export function markCount<T extends { formatted: string }>(mark: Mark, count: T): T {
  return { ...count, formatted: mark(count.formatted) };
}
