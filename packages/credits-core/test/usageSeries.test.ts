import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { usageSeriesSchema } from '../src/index';
import {
  assembleUsageSeries,
  bucketIndex,
  ProblemError,
  parseRequestQuery,
  USAGE_SERIES_LIMITS,
  usageBuckets,
  usageSeriesQuerySchema,
} from '../src/server/index';

const at = (iso: string) => Date.parse(iso);
const hours = (bounds: { start: number; end: number }) => (bounds.end - bounds.start) / 3_600_000;
const iso = (instant: number) => new Date(instant).toISOString();

describe('usage buckets follow the calendar of the time zone', () => {
  it('days start at local midnight: the spring-forward day has 23 hours, the fall-back day 25', () => {
    const spring = usageBuckets(
      at('2026-03-28T23:00:00Z'),
      at('2026-03-31T22:00:00Z'),
      'day',
      'Europe/Berlin',
    );
    expect(spring.map(hours)).toEqual([23, 24, 24]);
    expect(iso(spring[1]!.start)).toBe('2026-03-29T22:00:00.000Z');
    const fall = usageBuckets(
      at('2026-10-24T22:00:00Z'),
      at('2026-10-26T23:00:00Z'),
      'day',
      'Europe/Berlin',
    );
    expect(fall.map(hours)).toEqual([25, 24]);
  });

  it('weeks start on Monday and months on the 1st; the first and last bucket are clipped to the range', () => {
    // Wednesday 2026-11-04 12:00 in New York to Tuesday 2026-11-17 00:00.
    const weeks = usageBuckets(
      at('2026-11-04T17:00:00Z'),
      at('2026-11-17T05:00:00Z'),
      'week',
      'America/New_York',
    );
    expect(weeks.map((bucket) => [iso(bucket.start), iso(bucket.end)])).toEqual([
      ['2026-11-04T17:00:00.000Z', '2026-11-09T05:00:00.000Z'],
      ['2026-11-09T05:00:00.000Z', '2026-11-16T05:00:00.000Z'],
      ['2026-11-16T05:00:00.000Z', '2026-11-17T05:00:00.000Z'],
    ]);
    const months = usageBuckets(
      at('2026-01-15T00:00:00Z'),
      at('2026-04-01T00:00:00Z'),
      'month',
      'Asia/Tokyo',
    );
    expect(months.map((bucket) => iso(bucket.start))).toEqual([
      '2026-01-15T00:00:00.000Z',
      '2026-01-31T15:00:00.000Z',
      '2026-02-28T15:00:00.000Z',
      '2026-03-31T15:00:00.000Z',
    ]);
    expect(bucketIndex(months, at('2026-02-28T14:59:59Z'))).toBe(1);
    expect(bucketIndex(months, at('2026-02-28T15:00:00Z'))).toBe(2);
    expect(bucketIndex(months, at('2026-04-01T00:00:00Z'))).toBe(-1);
  });

  it('more buckets than the limit is a 400 naming bucket', () => {
    const from = at('2025-01-01T00:00:00Z');
    const to = from + (USAGE_SERIES_LIMITS.maxBuckets + 1) * 86_400_000;
    expect(() => usageBuckets(from, to, 'day', 'UTC')).toThrow(ProblemError);
    try {
      usageBuckets(from, to, 'day', 'UTC');
    } catch (error) {
      expect((error as ProblemError).toJSON()).toMatchObject({
        status: 400,
        code: 'validation_failed',
        errors: [{ path: 'bucket' }],
      });
    }
    expect(usageBuckets(from, to, 'week', 'UTC').length).toBeLessThanOrEqual(60);
  });
});

describe('the query of GET /usage/series', () => {
  const url = (query: string) => `http://credits.test/usage/series?${query}`;
  const problem = (query: string) => {
    try {
      parseRequestQuery(usageSeriesQuerySchema, url(query));
    } catch (error) {
      return (error as ProblemError).toJSON();
    }
    throw new Error('accepted');
  };

  it('reads defaults: day buckets in UTC, top 5', () => {
    expect(
      parseRequestQuery(
        usageSeriesQuerySchema,
        url('from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z'),
      ),
    ).toEqual({
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-08T00:00:00Z',
      bucket: 'day',
      timeZone: 'UTC',
      top: 5,
    });
  });

  it('refuses a reversed or too long range, an unknown zone or bucket, and a top over the limit, naming each field', () => {
    expect(problem('from=2026-11-08T00:00:00Z&to=2026-11-01T00:00:00Z').errors).toEqual([
      { path: 'to', message: 'must be after from' },
    ]);
    expect(problem('from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z').errors).toEqual([
      { path: 'to', message: 'must be at most 1100 days after from' },
    ]);
    const fields = problem(
      'from=2026-11-01T00:00:00Z&to=2026-11-08T00:00:00Z&timeZone=Mars/Olympus&bucket=hour&top=21',
    ).errors?.map((error) => error.path);
    expect(fields?.sort()).toEqual(['bucket', 'timeZone', 'top']);
    expect(problem('to=2026-11-08T00:00:00Z').errors?.[0]?.path).toBe('from');
  });
});

describe('assembleUsageSeries: the top-N rule', () => {
  const web = (id: string) => ({ id, name: id.toUpperCase(), url: null });
  const buckets = usageBuckets(
    at('2026-11-01T00:00:00Z'),
    at('2026-11-03T00:00:00Z'),
    'day',
    'UTC',
  );
  const query = {
    from: '2026-11-01T00:00:00Z',
    to: '2026-11-03T00:00:00Z',
    bucket: 'day' as const,
    timeZone: 'UTC',
    top: 5,
  };

  it('keeps the top websites, sums the rest and website-less usage into "other", and adds up', () => {
    const series = assembleUsageSeries({ ...query, groupBy: 'website', top: 2 }, buckets, [
      { bucket: 0, type: 'usage', credits: 50, website: web('a') },
      { bucket: 1, type: 'usage', credits: 40, website: web('b') },
      { bucket: 1, type: 'usage', credits: 10, website: web('c') },
      { bucket: 0, type: 'usage', credits: 5, website: null },
      { bucket: 1, type: 'purchase', credits: 1_000 },
      { bucket: 0, type: 'grant', credits: 100 },
    ]);
    expect(v.parse(usageSeriesSchema, series)).toEqual(series);
    expect(series.series).toEqual([
      { website: web('a'), credits: 50 },
      { website: web('b'), credits: 40 },
      { website: null, credits: 15 },
    ]);
    expect(series.buckets.map((bucket) => bucket.byWebsite)).toEqual([
      [50, 0, 5],
      [0, 40, 10],
    ]);
    expect(series.buckets.map((bucket) => [bucket.usage, bucket.purchases, bucket.grants])).toEqual(
      [
        [55, 0, 100],
        [50, 1_000, 0],
      ],
    );
    expect([series.totalUsage, series.totalPurchases, series.totalGrants]).toEqual([
      105, 1_000, 100,
    ]);
  });

  it('without grouping has no series, and no "other" when the top covers everything', () => {
    const cells = [{ bucket: 0, type: 'usage' as const, credits: 7, website: web('a') }];
    expect(assembleUsageSeries(query, buckets, cells).series).toEqual([]);
    expect(assembleUsageSeries(query, buckets, cells).buckets[0]!.byWebsite).toEqual([]);
    expect(assembleUsageSeries({ ...query, groupBy: 'website' }, buckets, cells).series).toEqual([
      { website: web('a'), credits: 7 },
    ]);
  });
});
