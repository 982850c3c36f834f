import { textDirection } from 'credits-core';
import { Fragment, type ReactNode, useCallback } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

const MARK = /\uE000(\d+)\uE001/g;

type Build = (mark: (value: string) => string) => string;

/**
 * Renders a label with its interpolated values (amounts, dates, card names) each in a
 * `<bdi>`, so mixed-direction text reads right in a right-to-left locale: the amount in
 * "ادفع ١٠٫٠٠ US$" stays whole instead of turning into "$US ١٠٫٠٠ Pay". `build` calls the
 * label with `mark(value)` in place of each value. In a left-to-right locale the label is
 * plain text (its numbers, dates and money are left to right already). A `<bdi>` adds no
 * characters, so the text and accessible names are the label's either way; a label that
 * cuts a marked value apart falls back to plain text.
 */
export function useIsolateValues(): (build: Build) => ReactNode {
  const { locale } = useCreditsContext('useIsolateValues()');
  const rtl = textDirection(locale) === 'rtl';
  return useCallback((build: Build) => (rtl ? isolate(build) : build((value) => value)), [rtl]);
}

function isolate(build: Build): ReactNode {
  const values: string[] = [];
  const marked = build((value) => {
    values.push(value);
    return `\uE000${values.length - 1}\uE001`;
  });
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of marked.matchAll(MARK)) {
    parts.push(marked.slice(last, match.index));
    parts.push(<bdi key={match.index}>{values[Number(match[1])]}</bdi>);
    last = match.index + match[0].length;
  }
  parts.push(marked.slice(last));
  if (parts.some((part) => typeof part === 'string' && /[\uE000\uE001]/.test(part)))
    return build((value) => value);
  return <Fragment>{parts}</Fragment>;
}

/** A count whose formatted number is marked for `useIsolateValues`. */
export function markCount<T extends { formatted: string }>(
  mark: (value: string) => string,
  count: T,
): T {
  return { ...count, formatted: mark(count.formatted) };
}
