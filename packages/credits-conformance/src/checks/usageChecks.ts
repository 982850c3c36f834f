import { type UsageSeries, usageByWebsiteSchema, usageSeriesSchema } from 'credits-core';
import { CheckSkipped, ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import { expectInvalid } from './errorChecks.js';
import { fetchPage, listAll } from './ledger.js';

const DAY = 86_400_000;
/** Days of buckets the series check compares with the ledger, bucket by bucket. */
const SERIES_DAYS = 10;

/** The range the checks read: ten days up to just after the newest ledger row (or now). */
async function seriesRange(context: CheckContext) {
  const { page } = await fetchPage(context, { limit: 1 });
  const newest = page.data[0] ? Date.parse(page.data[0].createdAt) + 1 : Date.now();
  const to = new Date(Math.ceil(newest / 1000) * 1000);
  return { from: new Date(to.getTime() - SERIES_DAYS * DAY).toISOString(), to: to.toISOString() };
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

function expectConsistent(
  series: UsageSeries,
  range: { from: string; to: string },
  response: Parameters<typeof ensure>[2],
) {
  ensure(series.buckets.length > 0, 'no buckets for a ten-day range', response);
  ensure(
    Date.parse(series.buckets[0]!.start) === Date.parse(range.from) &&
      Date.parse(series.buckets.at(-1)!.end) === Date.parse(range.to),
    'the buckets must start at from and end at to (the first and last are clipped)',
    response,
  );
  series.buckets.forEach((bucket, index) => {
    const next = series.buckets[index + 1];
    ensure(
      !next || Date.parse(bucket.end) === Date.parse(next.start),
      `bucket ${index} ends at ${bucket.end} but the next starts at ${next?.start}`,
      response,
    );
    ensure(
      bucket.byWebsite.length === series.series.length && sum(bucket.byWebsite) === bucket.usage,
      `bucket ${bucket.start}: byWebsite ${JSON.stringify(bucket.byWebsite)} does not split usage ${bucket.usage} over ${series.series.length} series`,
      response,
    );
  });
  ensure(
    sum(series.buckets.map((bucket) => bucket.usage)) === series.totalUsage &&
      sum(series.series.map((entry) => entry.credits)) === series.totalUsage,
    'totalUsage, the buckets and the series do not add up',
    response,
  );
}

export const usageChecks: Check[] = [
  {
    id: 'usage.series',
    title:
      'GET /usage/series: day buckets in Europe/Berlin add up, and each bucket equals the ledger rows in it',
    async run(context) {
      const range = await seriesRange(context);
      const response = await context.http('GET', '/usage/series', {
        query: { ...range, bucket: 'day', timeZone: 'Europe/Berlin', groupBy: 'website', top: 2 },
      });
      const series = context.parse(usageSeriesSchema, response, 'GET /usage/series');
      expectConsistent(series, range, response);
      const { maxPageSize } = (await context.getConfig()).limits;
      for (const bucket of series.buckets) {
        const listing = await listAll(
          context,
          { from: bucket.start, to: bucket.end, type: ['usage', 'purchase', 'grant'] },
          { pageSize: maxPageSize, maxRows: 5_000 },
        );
        if (!listing.complete)
          throw new CheckSkipped(`more than 5,000 rows on ${bucket.start}: not compared`);
        const of = (type: string) =>
          Math.abs(sum(listing.rows.filter((row) => row.type === type).map((row) => row.amount)));
        const expected = [of('usage'), of('purchase'), of('grant')];
        const got = [bucket.usage, bucket.purchases, bucket.grants];
        ensure(
          expected.every((value, index) => value === got[index]),
          `bucket [${bucket.start}, ${bucket.end}): usage/purchases/grants are ${got.join('/')} but the ledger's rows in it add up to ${expected.join('/')}`,
          response,
        );
      }
    },
  },
  {
    id: 'usage.series.limits',
    title:
      'GET /usage/series refuses a reversed range, too many buckets and an unknown time zone, naming the field',
    async run(context) {
      const to = '2026-11-24T00:00:00Z';
      const series = (query: Record<string, string>) =>
        context.http('GET', '/usage/series', {
          query: { from: '2026-11-01T00:00:00Z', to, ...query },
        });
      expectInvalid(context, await series({ from: '2026-11-30T00:00:00Z' }), 'to');
      expectInvalid(
        context,
        await series({ from: '2025-01-01T00:00:00Z', bucket: 'day' }),
        'bucket',
      );
      expectInvalid(context, await series({ timeZone: 'Conformance/Nowhere' }), 'timeZone');
      expectInvalid(context, await series({ groupBy: 'website', top: '0' }), 'top');
    },
  },
  {
    id: 'usage.websites.pages',
    title: 'GET /usage/websites pages with limit and cursor: every website once, the same total',
    async run(context) {
      const period = { from: '2000-01-01T00:00:00Z', to: new Date(Date.now() + DAY).toISOString() };
      const whole = await context.http('GET', '/usage/websites', {
        query: { ...period, limit: (await context.getConfig()).limits.maxPageSize },
      });
      const all = context.parse(usageByWebsiteSchema, whole, 'GET /usage/websites');
      const seen: string[] = [];
      let cursor: string | null | undefined = null;
      let last = whole;
      do {
        last = await context.http('GET', '/usage/websites', {
          query: { ...period, limit: 1, cursor: cursor ?? undefined },
        });
        const page = context.parse(usageByWebsiteSchema, last, 'GET /usage/websites');
        ensure(page.data.length <= 1, `limit=1 returned ${page.data.length} websites`, last);
        ensure(page.totalCredits === all.totalCredits, 'totalCredits changed between pages', last);
        seen.push(...page.data.map((entry) => entry.website.id));
        cursor = page.nextCursor;
      } while (cursor && seen.length <= all.data.length);
      ensure(
        JSON.stringify(seen) === JSON.stringify(all.data.map((entry) => entry.website.id)),
        `pages of one gave ${seen.join(', ') || 'nothing'}, one page gave ${all.data.map((entry) => entry.website.id).join(', ') || 'nothing'}`,
        last,
      );
      const first = context.parse(
        usageByWebsiteSchema,
        await context.http('GET', '/usage/websites', { query: { ...period, limit: 1 } }),
        'GET /usage/websites',
      );
      if (!first.nextCursor) return;
      expectInvalid(
        context,
        await context.http('GET', '/usage/websites', {
          query: { from: '2001-01-01T00:00:00Z', limit: 1, cursor: first.nextCursor },
        }),
        'cursor',
      );
    },
  },
];
