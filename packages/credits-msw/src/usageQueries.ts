import type { Transaction, UsageByWebsite, UsageSeries } from 'credits-core';
import {
  assembleUsageSeries,
  bucketIndex,
  ProblemError,
  type UsageCell,
  usageBuckets,
  type usageSeriesQuerySchema,
} from 'credits-core/server';
import type * as v from 'valibot';
import { decodeCursor, encodeCursor } from './ledgerCursor.js';

/**
 * One page of a usage ranking: `limit` websites from the cursor's position. The cursor carries
 * the period it was issued for; with another period it is refused (400), never misread.
 */
export function usageWebsitesPage(
  ranking: UsageByWebsite,
  limit: number,
  cursor?: string | null,
): UsageByWebsite {
  const signature = JSON.stringify([ranking.from, ranking.to]);
  let start = 0;
  if (cursor) {
    const decoded = decodeCursor(cursor);
    if (!decoded || decoded.f !== signature || decoded.i < 0 || decoded.i > ranking.data.length)
      throw ProblemError.invalid(
        'cursor',
        'Invalid cursor',
        'The cursor is malformed or belongs to another period.',
      );
    start = decoded.i;
  }
  const end = start + limit;
  return {
    ...ranking,
    data: ranking.data.slice(start, end),
    nextCursor: end < ranking.data.length ? encodeCursor({ i: end, f: signature }) : null,
  };
}

const CELL_TYPES = { usage: 'usage', purchase: 'purchase', grant: 'grant' } as const;

/** `GET /usage/series` over the ledger's rows (any order): each row in the bucket it falls in. */
export function usageSeriesOf(
  rows: readonly Transaction[],
  params: v.InferOutput<typeof usageSeriesQuerySchema>,
): UsageSeries {
  const from = Date.parse(params.from);
  const to = Date.parse(params.to);
  const buckets = usageBuckets(from, to, params.bucket, params.timeZone);
  const cells: UsageCell[] = [];
  for (const row of rows) {
    const type = CELL_TYPES[row.type as keyof typeof CELL_TYPES];
    if (!type) continue;
    const bucket = bucketIndex(buckets, Date.parse(row.createdAt));
    if (bucket < 0) continue;
    cells.push({ bucket, type, credits: Math.abs(row.amount), website: row.website ?? null });
  }
  return assembleUsageSeries(params, buckets, cells);
}
