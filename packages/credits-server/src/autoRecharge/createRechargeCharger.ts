import type { CreditsService } from '../createCreditsService.js';
import type { DatabaseHandle } from '../data/createDatabase.js';

export interface RechargeChargerOptions {
  /** How often every instance looks for attempts nobody charged (default 30 000 ms; 0: never). */
  sweepIntervalMs?: number;
  /** How long one instance's claim on an attempt lasts before another may resume it (default 60 000 ms). */
  leaseMs?: number;
}

/**
 * Each instance's charger: the crossing trigger NOTIFYs `credits_auto_recharge` with the account
 * once its attempt commits, and every instance LISTENing claims that account's pending attempts
 * (one wins each, chargePendingRecharges). A sweep at start and every interval resumes what a
 * lost notification or a crash left pending.
 */
export function createRechargeCharger(
  service: CreditsService,
  database: DatabaseHandle,
  options: RechargeChargerOptions = {},
) {
  const leaseMs = options.leaseMs ?? 60_000;
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  let unlisten: (() => Promise<void>) | undefined;
  let timer: ReturnType<typeof setInterval> | undefined;
  const run = (account?: string) => {
    if (stopped) return;
    const job: Promise<unknown> = service
      .chargeAutoRecharges({ account, leaseMs })
      .catch((error: unknown) => console.error('auto-recharge charge failed', error))
      .finally(() => running.delete(job));
    running.add(job);
  };
  return {
    async start() {
      unlisten = await database.listen('credits_auto_recharge', (account) => run(account));
      run();
      const every = options.sweepIntervalMs ?? 30_000;
      if (every > 0) timer = setInterval(() => run(), every);
    },
    /** Resolves once every charge started so far has finished. */
    settled: () => Promise.all([...running]).then(() => undefined),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await unlisten?.();
      await Promise.all([...running]);
    },
  };
}
