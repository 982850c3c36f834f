import { zonedDayStart, zonedParts } from '../format/zonedDayStart.js';
import type { UsageBucketUnit } from '../schemas/usageSeries.js';
import { ProblemError } from './problemError.js';
import { USAGE_SERIES_LIMITS } from './requestValidation.js';

/** One bucket's bounds, as epoch milliseconds: `[start, end)`. */
export interface BucketBounds {
  start: number;
  end: number;
}

/** The calendar day (year, month 1–12, day) an instant falls on in a time zone. */
function zonedDate(instant: number, timeZone: string): [number, number, number] {
  const get = zonedParts(instant, timeZone);
  return [get('year'), get('month'), get('day')];
}

/** A proleptic calendar date, moved by whole days or months, as `YYYY-MM-DD`. */
function calendarDay(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.toISOString().slice(0, 10);
}

/**
 * The buckets of `[from, to)` in a time zone: calendar days, ISO weeks (Monday first) or
 * months, each starting at local midnight (so a DST day is 23 or 25 hours long), the first and
 * last clipped to the range. More than `USAGE_SERIES_LIMITS.maxBuckets` is a 400 naming `bucket`.
 */
export function usageBuckets(
  from: number,
  to: number,
  unit: UsageBucketUnit,
  timeZone: string,
): BucketBounds[] {
  let [year, month, day] = zonedDate(from, timeZone);
  if (unit === 'month') day = 1;
  if (unit === 'week') day -= (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
  const startOf = (y: number, m: number, d: number) =>
    Date.parse(zonedDayStart(calendarDay(y, m, d), timeZone) ?? '');
  const buckets: BucketBounds[] = [];
  let start = startOf(year, month, day);
  while (start < to) {
    if (buckets.length === USAGE_SERIES_LIMITS.maxBuckets)
      throw ProblemError.invalid(
        'bucket',
        'Too many buckets',
        `The range has more than ${USAGE_SERIES_LIMITS.maxBuckets} buckets of a ${unit}: choose a longer bucket or a shorter range.`,
      );
    if (unit === 'month') month += 1;
    else day += unit === 'week' ? 7 : 1;
    const end = startOf(year, month, day);
    buckets.push({ start: Math.max(start, from), end: Math.min(end, to) });
    start = end;
  }
  return buckets;
}

/** The index of the bucket an instant falls in, or -1 outside them all (binary search). */
export function bucketIndex(buckets: readonly BucketBounds[], instant: number): number {
  let low = 0;
  let high = buckets.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const bucket = buckets[middle]!;
    if (instant < bucket.start) high = middle - 1;
    else if (instant >= bucket.end) low = middle + 1;
    else return middle;
  }
  return -1;
}
