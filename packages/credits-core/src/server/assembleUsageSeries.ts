import type * as v from 'valibot';
import type { UsageSeries } from '../schemas/usageSeries.js';
import type { Website } from '../schemas/website.js';
import type { usageSeriesQuerySchema } from './requestValidation.js';
import type { BucketBounds } from './usageBuckets.js';

/** One sum a backend read from its ledger: the credits of one type in one bucket (and website). */
export interface UsageCell {
  /** Index into the buckets from `usageBuckets`. */
  bucket: number;
  type: 'usage' | 'purchase' | 'grant';
  /** Credits as a positive magnitude (usage rows are negative in the ledger). */
  credits: number;
  /** For usage: the website it was spent on, `null` when the row names none. */
  website?: Website | null;
}

/** The validated query of `GET /usage/series`. */
export type UsageSeriesQuery = v.InferOutput<typeof usageSeriesQuerySchema>;

const iso = (instant: number) => new Date(instant).toISOString();

/**
 * A usage series from a backend's sums — the one owner of the top-N rule both backends follow:
 * websites ranked by credits used in the whole range (ties by id), the first `top` get a series
 * each, and every other website plus usage naming no website is summed into one `null` ("other")
 * series, present only when it is not empty.
 */
export function assembleUsageSeries(
  query: UsageSeriesQuery,
  buckets: readonly BucketBounds[],
  cells: Iterable<UsageCell>,
): UsageSeries {
  const { groupBy, top } = query;
  const rows = buckets.map((bounds) => ({
    start: iso(bounds.start),
    end: iso(bounds.end),
    usage: 0,
    purchases: 0,
    grants: 0,
    byWebsite: new Map<string | null, number>(),
  }));
  const websites = new Map<string, { website: Website; credits: number }>();
  for (const cell of cells) {
    const row = rows[cell.bucket];
    if (!row || cell.credits === 0) continue;
    if (cell.type === 'purchase') row.purchases += cell.credits;
    else if (cell.type === 'grant') row.grants += cell.credits;
    else {
      row.usage += cell.credits;
      const id = cell.website?.id ?? null;
      row.byWebsite.set(id, (row.byWebsite.get(id) ?? 0) + cell.credits);
      if (cell.website) {
        const entry = websites.get(cell.website.id) ?? { website: cell.website, credits: 0 };
        entry.credits += cell.credits;
        websites.set(cell.website.id, entry);
      }
    }
  }
  const ranked = [...websites.values()].sort(
    (a, b) =>
      b.credits - a.credits ||
      (a.website.id < b.website.id ? -1 : a.website.id > b.website.id ? 1 : 0),
  );
  const shown = groupBy === 'website' ? ranked.slice(0, top) : [];
  const shownIds = new Set(shown.map((entry) => entry.website.id));
  const totalUsage = rows.reduce((sum, row) => sum + row.usage, 0);
  const shownTotal = shown.reduce((sum, entry) => sum + entry.credits, 0);
  const other = groupBy === 'website' ? totalUsage - shownTotal : 0;
  const series = [
    ...shown.map(({ website, credits }) => ({ website, credits })),
    ...(other > 0 ? [{ website: null, credits: other }] : []),
  ];
  return {
    from: iso(Date.parse(query.from)),
    to: iso(Date.parse(query.to)),
    bucket: query.bucket,
    timeZone: query.timeZone,
    series,
    buckets: rows.map(({ byWebsite, ...row }) => {
      const values = shown.map((entry) => byWebsite.get(entry.website.id) ?? 0);
      if (other > 0) {
        let rest = 0;
        for (const [id, credits] of byWebsite)
          if (id === null || !shownIds.has(id)) rest += credits;
        values.push(rest);
      }
      return { ...row, byWebsite: values };
    }),
    totalUsage,
    totalPurchases: rows.reduce((sum, row) => sum + row.purchases, 0),
    totalGrants: rows.reduce((sum, row) => sum + row.grants, 0),
  };
}
