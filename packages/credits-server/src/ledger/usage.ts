import type { UsageByWebsite, UsageSeries } from 'credits-core';
import {
  assembleUsageSeries,
  ProblemError,
  type UsageCell,
  usageBuckets,
  type usageQuerySchema,
  type usageSeriesQuerySchema,
} from 'credits-core/server';
import type * as v from 'valibot';
import type { Executor } from '../data/rows.js';
import { selectUsageByWebsite, selectUsageSeries } from '../data/usageData.js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The offset a ranking cursor names, if it was issued for this period; else a 400 naming it. */
function offsetOf(cursorText: string | undefined, signature: string): number {
  if (!cursorText) return 0;
  let cursor: { o?: unknown; f?: unknown } | undefined;
  try {
    cursor = JSON.parse(Buffer.from(cursorText, 'base64url').toString('utf8'));
  } catch {
    cursor = undefined;
  }
  if (
    !cursor ||
    !Number.isSafeInteger(cursor.o) ||
    (cursor.o as number) < 1 ||
    cursor.f !== signature
  )
    throw ProblemError.invalid(
      'cursor',
      'Invalid cursor',
      'The cursor is malformed or belongs to another period.',
    );
  return cursor.o as number;
}

/** One page of the usage per website in [from, to) (default: the 30 days up to now). */
export async function usageByWebsite(
  executor: Executor,
  account: string,
  params: v.InferOutput<typeof usageQuerySchema>,
  size: number,
): Promise<UsageByWebsite> {
  const to = params.to ? new Date(params.to) : new Date();
  const from = params.from ? new Date(params.from) : new Date(to.getTime() - 30 * 86_400_000);
  const signature = JSON.stringify([params.from ?? '', params.to ?? '']);
  const offset = offsetOf(params.cursor, signature);
  const found = await selectUsageByWebsite(executor, {
    account,
    from: from.toISOString(),
    to: to.toISOString(),
    offset,
    limit: size,
  });
  const data = found.map((row) => ({
    website: {
      id: String(row.website_id),
      name: String(row.name ?? row.website_id),
      url: (row.url as string | null) ?? null,
    },
    credits: Number(row.credits),
    transactionCount: Number(row.n),
  }));
  const websites = Number(found[0]?.websites ?? 0);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    totalCredits: Number(found[0]?.total ?? 0),
    data,
    nextCursor: offset + size < websites ? encode({ o: offset + size, f: signature }) : null,
  };
}

const CELL_TYPES = new Set(['usage', 'purchase', 'grant']);

/** `GET /usage/series`: buckets laid out by core, summed by one indexed statement. */
export async function usageSeries(
  executor: Executor,
  account: string,
  params: v.InferOutput<typeof usageSeriesQuerySchema>,
): Promise<UsageSeries> {
  const from = Date.parse(params.from);
  const to = Date.parse(params.to);
  const buckets = usageBuckets(from, to, params.bucket, params.timeZone);
  const found = await selectUsageSeries(executor, {
    account,
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    starts: buckets.map((bucket) => new Date(bucket.start).toISOString()),
  });
  const cells: UsageCell[] = found
    .filter((row) => CELL_TYPES.has(String(row.type)))
    .map((row) => ({
      bucket: Number(row.bucket),
      type: row.type as UsageCell['type'],
      credits: Math.abs(Number(row.credits)),
      website:
        row.website_id === null
          ? null
          : {
              id: String(row.website_id),
              name: String(row.name ?? row.website_id),
              url: (row.url as string | null) ?? null,
            },
    }));
  return assembleUsageSeries(params, buckets, cells);
}
