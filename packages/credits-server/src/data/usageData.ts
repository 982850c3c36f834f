import { sql } from 'drizzle-orm';
import { type Executor, type Row, rows } from './rows.js';

/**
 * One page of the usage ranking of an account in [from, to): websites by credits used, most
 * first (ties by id), each row also carrying the whole period's total and website count.
 */
export function selectUsageByWebsite(
  executor: Executor,
  filter: { account: string; from: string; to: string; offset: number; limit: number },
): Promise<Row[]> {
  return rows(
    executor,
    sql`SELECT website_id, max(website_name) AS name, max(website_url) AS url,
        -sum(amount) AS credits, count(*) AS n,
        sum(-sum(amount)) OVER () AS total, count(*) OVER () AS websites
      FROM transactions WHERE account_id = ${filter.account} AND type = 'usage' AND website_id IS NOT NULL
        AND created_at >= ${filter.from} AND created_at < ${filter.to}
      GROUP BY website_id ORDER BY credits DESC, website_id
      LIMIT ${filter.limit} OFFSET ${filter.offset}`,
  );
}

/**
 * The sums of a usage series: credits per bucket, type and (for usage) website, over the
 * `transactions_account_created` index's range of one account. `starts` are the buckets' starts
 * (ISO instants, ascending); `width_bucket` numbers a row by the last start at or before it, 1-based.
 */
export function usageSeriesStatement(filter: {
  account: string;
  from: string;
  to: string;
  starts: readonly string[];
}) {
  return sql`SELECT width_bucket(created_at, ${`{${filter.starts.join(',')}}`}::timestamptz[]) - 1 AS bucket,
        type, website_id, max(website_name) AS name, max(website_url) AS url, sum(amount) AS credits
      FROM transactions WHERE account_id = ${filter.account}
        AND created_at >= ${filter.from} AND created_at < ${filter.to}
        AND type IN ('usage', 'purchase', 'grant')
      GROUP BY 1, type, website_id`;
}

export function selectUsageSeries(
  executor: Executor,
  filter: Parameters<typeof usageSeriesStatement>[0],
): Promise<Row[]> {
  return rows(executor, usageSeriesStatement(filter));
}
