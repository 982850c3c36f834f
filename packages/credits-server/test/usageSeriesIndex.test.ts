/**
 * GET /usage/series on a 1,000,000-row account: the statement reads the account's range
 * through the `transactions_account_created` index (EXPLAIN, on PGlite and on a real
 * PostgreSQL), and its buckets equal PostgreSQL's own time-zone bucketing of the same rows
 * (`date_trunc(… AT TIME ZONE …)`), across a daylight-saving change.
 */
import { parseRequestQuery, usageSeriesQuerySchema } from 'credits-core/server';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../src/data/createDatabase';
import { rows } from '../src/data/rows';
import { usageSeriesStatement } from '../src/data/usageData';
import { usageSeries } from '../src/ledger/usage';
import { startPostgres, type TestPostgres } from './startPostgres';

const ROWS = 1_000_000;
const FIRST = '2024-01-01T00:00:00Z';
/** Seconds between rows: a million rows over about three years. */
const STEP = 95;

/** A million rows for `big` (usage on 30 websites, a purchase and a grant now and then) and a small neighbour. */
async function seed(handle: DatabaseHandle) {
  await rows(handle.db, sql`INSERT INTO accounts (id) VALUES ('big'), ('small')`);
  await rows(
    handle.db,
    sql`INSERT INTO transactions (account_id, seq, id, created_at, type, description, amount, balance_after, website_id, website_name)
      SELECT 'big', i, 'txn_' || i, ${FIRST}::timestamptz + make_interval(secs => i * ${STEP}),
        CASE WHEN i % 97 = 0 THEN 'purchase' WHEN i % 89 = 0 THEN 'grant' ELSE 'usage' END,
        'row ' || i,
        CASE WHEN i % 97 = 0 THEN 10000 WHEN i % 89 = 0 THEN 500 ELSE -(1 + i % 50) END,
        0,
        CASE WHEN i % 97 = 0 OR i % 89 = 0 THEN NULL ELSE 'web_' || (i % 30) END,
        CASE WHEN i % 97 = 0 OR i % 89 = 0 THEN NULL ELSE 'Website ' || (i % 30) END
      FROM generate_series(1, ${ROWS}) AS i`,
  );
  await rows(
    handle.db,
    sql`INSERT INTO transactions (account_id, seq, id, created_at, type, description, amount, balance_after, website_id)
      SELECT 'small', i, 'small_' || i, ${FIRST}::timestamptz + make_interval(secs => i * 3600), 'usage', 'x', -1, 0, 'web_x'
      FROM generate_series(1, 10000) AS i`,
  );
  await rows(handle.db, sql`ANALYZE transactions`);
}

// 90 days of Berlin days around the spring-forward change of 2026 (29 March: 23 hours).
const query = parseRequestQuery(
  usageSeriesQuerySchema,
  'http://x/usage/series?from=2026-02-14T23:00:00Z&to=2026-05-15T22:00:00Z&bucket=day&timeZone=Europe/Berlin&groupBy=website&top=5',
);

function planNodes(plan: Record<string, unknown>): Record<string, unknown>[] {
  const children = (plan.Plans as Record<string, unknown>[] | undefined) ?? [];
  return [plan, ...children.flatMap(planNodes)];
}

async function expectIndexedAndCorrect(handle: DatabaseHandle) {
  const statement = usageSeriesStatement({
    account: 'big',
    from: query.from,
    to: query.to,
    starts: [query.from],
  });
  const [explained] = await rows(handle.db, sql`EXPLAIN (FORMAT JSON) ${statement}`);
  const plan = (explained!['QUERY PLAN'] as [{ Plan: Record<string, unknown> }])[0].Plan;
  const scans = planNodes(plan).filter((node) => String(node['Node Type']).includes('Scan'));
  expect(scans.map((node) => [node['Node Type'], node['Index Name']])).toContainEqual([
    expect.stringMatching(/Index|Bitmap Index/),
    'transactions_account_created',
  ]);
  expect(scans.map((node) => node['Node Type'])).not.toContain('Seq Scan');

  const series = await usageSeries(handle.db, 'big', query);
  const oracle = await rows(
    handle.db,
    sql`SELECT to_char(date_trunc('day', created_at AT TIME ZONE 'Europe/Berlin'), 'YYYY-MM-DD') AS day,
        -sum(amount) FILTER (WHERE type = 'usage') AS usage,
        sum(amount) FILTER (WHERE type = 'purchase') AS purchases
      FROM transactions WHERE account_id = 'big' AND created_at >= ${query.from} AND created_at < ${query.to}
      GROUP BY 1 ORDER BY 1`,
  );
  const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' });
  expect(series.buckets).toHaveLength(90);
  expect(
    series.buckets.map((bucket) => [
      berlinDay.format(new Date(bucket.start)),
      bucket.usage,
      bucket.purchases,
    ]),
  ).toEqual(oracle.map((row) => [row.day, Number(row.usage), Number(row.purchases ?? 0)]));
  const march29 = series.buckets.find((bucket) => bucket.start === '2026-03-28T23:00:00.000Z');
  expect(march29?.end).toBe('2026-03-29T22:00:00.000Z');
  expect(series.series).toHaveLength(6); // top 5 of 30 websites, then "other"
}

describe('usage series on a 1,000,000-row account', { timeout: 600_000 }, () => {
  describe('PGlite', () => {
    let handle: DatabaseHandle;
    beforeAll(async () => {
      handle = await createDatabase();
      await seed(handle);
    }, 600_000);
    afterAll(() => handle?.close());

    it('reads through the account/created_at index and equals PostgreSQL’s own Berlin days', () =>
      expectIndexedAndCorrect(handle));
  });

  describe('PostgreSQL', () => {
    let postgres: TestPostgres;
    let handle: DatabaseHandle;
    beforeAll(async () => {
      postgres = await startPostgres();
      handle = await createDatabase({ url: postgres.url, statementTimeoutMs: 120_000 });
      await seed(handle);
    }, 600_000);
    afterAll(async () => {
      await handle?.close();
      await postgres?.stop();
    });

    it('reads through the account/created_at index and equals PostgreSQL’s own Berlin days', () =>
      expectIndexedAndCorrect(handle));
  });
});
