/** One formatter per time zone: building an `Intl.DateTimeFormat` costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock fields (`year`, `month` 1–12, `day`, `hour` 0–23, …) of an instant in a time zone. */
export function zonedParts(instant: number, timeZone: string): (type: string) => number {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(new Date(instant));
  return (type) => Number(parts.find((part) => part.type === type)?.value);
}

/** Milliseconds the time zone is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const get = zonedParts(instant, timeZone);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return local - Math.floor(instant / 1000) * 1000;
}

/**
 * The UTC instant (ISO 8601) at which a calendar day (`2026-11-24`) starts in a
 * time zone — what a date filter sends, so "from Nov 24" means the user's Nov 24.
 * `undefined` for anything that is not a `YYYY-MM-DD` date.
 */
export function zonedDayStart(day: string, timeZone = 'UTC'): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (Number.isNaN(utcMidnight)) return undefined;
  // Two passes settle days when the offset itself changes (DST).
  let instant = utcMidnight - offsetAt(utcMidnight, timeZone);
  instant = utcMidnight - offsetAt(instant, timeZone);
  return new Date(instant).toISOString();
}
