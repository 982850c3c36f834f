import type { UsageBucketUnit, UsageSeries } from 'credits-core';

/** How a bucket is named: its day, its week's first day, or its month, in the user's zone. */
export function bucketFormatter(
  unit: UsageBucketUnit,
  locale: string | undefined,
  timeZone: string | undefined,
) {
  const format = new Intl.DateTimeFormat(
    locale,
    unit === 'month'
      ? { timeZone, year: 'numeric', month: 'long' }
      : { timeZone, year: 'numeric', month: 'short', day: 'numeric' },
  );
  return (iso: string) => format.format(new Date(iso));
}

/** The CSS colour of series `index` (the last one is "other" when its website is null). */
export function seriesColour(series: UsageSeries['series'], index: number): string {
  return series[index]?.website === null
    ? 'var(--credits-chart-other)'
    : `var(--credits-chart-${(index % 6) + 1})`;
}

/** The change of `total` against `previous`, as a fraction, or null with nothing to compare. */
export function changeFraction(total: number, previous: number | undefined): number | null {
  if (previous === undefined || previous === 0) return null;
  return (total - previous) / previous;
}
