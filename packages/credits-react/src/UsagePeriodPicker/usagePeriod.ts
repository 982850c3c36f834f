import type { UsageBucketUnit } from 'credits-core';
import { formatDate, zonedDayStart } from 'credits-core';

export type UsagePeriodPreset = 'last7' | 'last30' | 'last90' | 'thisMonth' | 'custom';

/** A period the usage widgets show: a preset, or calendar days (`YYYY-MM-DD`) for `custom`. */
export interface UsagePeriod {
  preset: UsagePeriodPreset;
  /** With `custom`: the first day shown. */
  fromDay?: string;
  /** With `custom`: the last day shown (inclusive). */
  toDay?: string;
}

export const USAGE_PERIOD_PRESETS: readonly UsagePeriodPreset[] = [
  'last7',
  'last30',
  'last90',
  'thisMonth',
  'custom',
];

export const DEFAULT_USAGE_PERIOD: UsagePeriod = { preset: 'last30' };

/** The longest period the contract answers in one series (CONTRACT.md, Usage over time). */
const MAX_DAYS = 1100;

/** A calendar day moved by whole days. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** Today's date in a time zone, `YYYY-MM-DD` (Canadian English writes days so; cached format). */
export function zonedToday(timeZone: string | undefined, now: number): string {
  return formatDate(new Date(now).toISOString(), { locale: 'en-CA', timeZone, dateStyle: 'short' });
}

const isDay = (value: string | undefined): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

/** What a period means on the calendar of a time zone, and the series request for it. */
export interface ResolvedUsagePeriod {
  fromDay: string;
  toDay: string;
  /** `[from, to)`: local midnight of the first day to local midnight after the last. */
  from: string;
  to: string;
  /** The period of the same length just before, for the change figure. */
  previousFrom: string;
  days: number;
  bucket: UsageBucketUnit;
}

/**
 * The days a period covers in the user's time zone (a custom period with its days swapped,
 * missing or too long falls back to the last 30 days, or is cut to the contract's limit).
 */
export function resolveUsagePeriod(
  period: UsagePeriod,
  timeZone: string | undefined,
  now = Date.now(),
): ResolvedUsagePeriod {
  const today = zonedToday(timeZone, now);
  let fromDay = addDays(today, -29);
  let toDay = today;
  if (period.preset === 'last7') fromDay = addDays(today, -6);
  else if (period.preset === 'last90') fromDay = addDays(today, -89);
  else if (period.preset === 'thisMonth') fromDay = `${today.slice(0, 8)}01`;
  else if (
    period.preset === 'custom' &&
    isDay(period.fromDay) &&
    isDay(period.toDay) &&
    period.fromDay <= period.toDay
  ) {
    fromDay = period.fromDay;
    toDay = period.toDay;
    if (daysBetween(fromDay, toDay) >= MAX_DAYS) fromDay = addDays(toDay, 1 - MAX_DAYS);
  }
  const days = daysBetween(fromDay, toDay) + 1;
  const start = (day: string) => zonedDayStart(day, timeZone) ?? `${day}T00:00:00Z`;
  return {
    fromDay,
    toDay,
    from: start(fromDay),
    to: start(addDays(toDay, 1)),
    previousFrom: start(addDays(fromDay, -days)),
    days,
    // At most ~120 bars: days up to four months, then weeks up to two years, then months.
    bucket: days <= 120 ? 'day' : days <= 731 ? 'week' : 'month',
  };
}
