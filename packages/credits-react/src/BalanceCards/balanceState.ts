/**
 * What a balance means to its owner, the one rule every balance display follows:
 * `overdrawn` below zero, `empty` when nothing was ever granted (a new account is
 * not "low"), `low` under the threshold, `ok` otherwise.
 */
export type BalanceState = 'ok' | 'low' | 'overdrawn' | 'empty';

export function balanceState(
  balance: { total: number; available: number; lowBalanceThreshold?: number | null },
  /** Overrides the balance's own `lowBalanceThreshold`. */
  lowBalanceThreshold = balance.lowBalanceThreshold,
): BalanceState {
  if (balance.available < 0) return 'overdrawn';
  if (balance.total <= 0) return 'empty';
  return balance.available < (lowBalanceThreshold ?? 0) ? 'low' : 'ok';
}
