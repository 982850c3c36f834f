const cache = new Map<string, Intl.DateTimeFormat>();

export interface FormatDateOptions {
  locale?: string;
  /**
   * IANA time zone (`Europe/Berlin`). Pass it explicitly when rendering on a
   * server, so the server's and the browser's output match.
   */
  timeZone?: string;
  dateStyle?: 'full' | 'long' | 'medium' | 'short';
  timeStyle?: 'full' | 'long' | 'medium' | 'short';
}

/** Formats an ISO 8601 timestamp for a locale and time zone; returns the input if it is not a date. */
export function formatDate(iso: string, options: FormatDateOptions = {}): string {
  const { locale, timeZone, dateStyle = 'medium', timeStyle } = options;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const key = `${locale ?? ''}|${timeZone ?? ''}|${dateStyle}|${timeStyle ?? ''}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { timeZone, dateStyle, timeStyle });
    cache.set(key, format);
  }
  return format.format(date);
}
