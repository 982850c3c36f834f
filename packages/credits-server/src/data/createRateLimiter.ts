import { ProblemError } from 'credits-core/server';
import { sql } from 'drizzle-orm';
import type { CreditsService } from '../createCreditsService.js';

/**
 * A fixed-window rate limit kept in the database (`rate_limits`, migration 005), so every
 * instance behind a load balancer counts against one limit: each attempt counts itself up with
 * one atomic `INSERT … ON CONFLICT DO UPDATE … RETURNING count` on (account, scope, window
 * start), and the attempt past `limit` in a window is refused with 429 and `Retry-After` (the
 * seconds until the window ends). Windows and the clock are the database's, not the instance's.
 * Windows that are over are deleted at most once per window per instance.
 */
export function createRateLimiter(
  service: Pick<CreditsService, 'rows'>,
  options: { limit: number; windowSeconds?: number },
) {
  const windowSeconds = options.windowSeconds ?? 60;
  const window = sql`${windowSeconds}::integer * interval '1 second'`;
  let sweptAt = 0;

  /** Deletes windows that are over (the table never grows past the accounts of one window). */
  async function sweep() {
    if (Date.now() - sweptAt < windowSeconds * 1000) return;
    sweptAt = Date.now();
    await service
      .rows(sql`DELETE FROM rate_limits WHERE window_start < now() - 2 * ${window}`)
      .catch((error: unknown) => console.warn(`rate limits: ${(error as Error).message}`));
  }

  /** Counts one attempt; throws 429 `rate_limited` past the limit. */
  async function hit(account: string, scope: string): Promise<void> {
    const [row] = await service.rows(
      sql`INSERT INTO rate_limits (account_id, scope, window_start, count)
      VALUES (${account}, ${scope},
        to_timestamp(floor(extract(epoch FROM now()) / ${windowSeconds}::integer) * ${windowSeconds}::integer), 1)
      ON CONFLICT (account_id, scope, window_start) DO UPDATE SET count = rate_limits.count + 1
      RETURNING count, greatest(1, ceil(extract(epoch FROM window_start + ${window} - now())))::integer AS retry_after`,
    );
    await sweep();
    if (Number(row?.count) > options.limit) {
      throw new ProblemError(
        429,
        'rate_limited',
        'Too many requests',
        'Too many purchase or card attempts; wait a minute.',
        { 'Retry-After': String(row?.retry_after ?? windowSeconds) },
      );
    }
  }

  return { hit };
}
