import { claimPendingAttempts } from '../data/autoRechargeData.js';
import type { ServiceContext } from '../serviceContext.js';
import { chargeAttempt } from './chargeAttempt.js';

export interface ChargeSettings {
  /** Only this account's attempts (a notification named it); else any account's (the sweep). */
  account?: string;
  /** How long a claim keeps other instances off an attempt. */
  leaseMs: number;
  batch?: number;
}

/**
 * Charges the attempts nobody is charging: claimed with FOR UPDATE SKIP LOCKED and a lease
 * (claimPendingAttempts), so of several instances woken by the same notification, or sweeping
 * at once, one charges each attempt. An attempt whose charge failed midway (a crash, a lost
 * answer from Stripe) stays pending and is claimed again when its lease ends; its charge is
 * idempotent (chargeAttempt). Returns how many attempts it claimed.
 */
export async function chargePendingRecharges(
  ctx: ServiceContext,
  settings: ChargeSettings,
): Promise<number> {
  const claimed = await claimPendingAttempts(ctx.db, {
    account: settings.account,
    at: ctx.now().toISOString(),
    leaseMs: settings.leaseMs,
    batch: settings.batch ?? 50,
  });
  for (const attempt of claimed) {
    await chargeAttempt(ctx, attempt).catch((error: unknown) =>
      console.warn(`auto-recharge ${String(attempt.id)}: ${(error as Error).message}`),
    );
  }
  return claimed.length;
}
