import pLimit, { type LimitFunction } from 'p-limit';
import { ProblemError } from './ProblemError.js';

export interface AccountLimiterOptions {
  /** Requests of one account this instance runs at once. */
  concurrency: number;
  /** Requests of one account waiting for a turn; past it, 429 at once. */
  maxQueued: number;
  /** A request that waited this long is not run: its answer (503) has gone already. */
  maxWaitMs: number;
}

/**
 * Fairness between accounts on one instance: each account runs at most `concurrency`
 * requests at once, so one account flooding heavy reads holds a few of the pool's database
 * connections and every other account still gets one. The rest of its requests wait their
 * turn (p-limit's queue), bounded in length and in time. Holds no state between requests: a
 * limiter exists while its account has requests in flight.
 */
export function createAccountLimiter(options: AccountLimiterOptions) {
  const limiters = new Map<string, LimitFunction>();
  return async function limitAccount<T>(account: string, run: () => Promise<T>): Promise<T> {
    let limit = limiters.get(account);
    if (!limit) {
      limit = pLimit(options.concurrency);
      limiters.set(account, limit);
    }
    if (limit.pendingCount >= options.maxQueued)
      throw new ProblemError(
        429,
        'rate_limited',
        'Too many requests at once',
        'Wait for your other requests to finish, then try again.',
        { 'Retry-After': '1' },
      );
    const queuedAt = performance.now();
    try {
      return await limit(() => {
        if (performance.now() - queuedAt > options.maxWaitMs)
          throw new ProblemError(503, 'service_unavailable', 'The request took too long');
        return run();
      });
    } finally {
      if (limit.activeCount === 0 && limit.pendingCount === 0) limiters.delete(account);
    }
  };
}
