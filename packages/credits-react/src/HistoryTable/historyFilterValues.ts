import { type TransactionFilters, zonedDayStart } from 'credits-core';

/** What the filter controls hold: calendar days in the user's time zone, not instants. */
export interface HistoryFilterValues {
  type?: string;
  websiteId?: string;
  /** First day shown, `YYYY-MM-DD`. */
  fromDay?: string;
  /** Last day shown (inclusive), `YYYY-MM-DD`. */
  toDay?: string;
  search?: string;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** The contract's server-side filters for the controls' values. */
export function toTransactionFilters(
  values: HistoryFilterValues,
  timeZone?: string,
): TransactionFilters {
  return {
    type: values.type || undefined,
    websiteId: values.websiteId || undefined,
    from: values.fromDay ? zonedDayStart(values.fromDay, timeZone) : undefined,
    to: values.toDay ? zonedDayStart(nextDay(values.toDay), timeZone) : undefined,
    search: values.search?.trim() || undefined,
  };
}

export function hasFilters(values: HistoryFilterValues): boolean {
  return Object.values(values).some((value) => typeof value === 'string' && value.trim() !== '');
}
