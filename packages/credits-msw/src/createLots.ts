import type { ExpiringGrant } from 'credits-core';

/** Credits from one credit row, spent soonest-expiring first (CONTRACT.md, "Lots and expiry"). */
export interface Lot {
  remaining: number;
  /** null: never expires. */
  expiresAt: string | null;
  /** What the credit row said: an expiry row names it. */
  reason: string;
  expired: boolean;
}

const expiryOf = (lot: Lot) => (lot.expiresAt === null ? Infinity : Date.parse(lot.expiresAt));

/**
 * The lots of the fake's one account, by credits-server's rules (migrations/009_lots.sql): a
 * credit opens a lot for what the account's debt leaves of it (debt: open lots minus the balance,
 * never below zero; a negative balance is in no lot); a debit consumes the open lots that have
 * not lapsed, soonest expiry first, never-expiring last, oldest first on a tie; what no lot covers
 * is debt. A lapsed lot closes with one `expiry` row for what is left in it (the ledger posts it).
 */
export function createLots() {
  const lots: Lot[] = [];
  const open = () => lots.filter((lot) => !lot.expired && lot.remaining > 0);
  const inLots = () => open().reduce((sum, lot) => sum + lot.remaining, 0);

  return {
    /** A credit row of `amount`, leaving the ledger balance at `balanceAfter`. */
    credit(amount: number, balanceAfter: number, expiresAt: string | null, reason: string) {
      const take = Math.min(amount, balanceAfter - inLots());
      if (take > 0) lots.push({ remaining: take, expiresAt, reason, expired: false });
    },
    /** A debit row of `credits` at `time` (ms). */
    debit(credits: number, time: number) {
      let need = credits;
      const order = open()
        .filter((lot) => expiryOf(lot) > time)
        .sort((a, b) => expiryOf(a) - expiryOf(b));
      for (const lot of order) {
        const take = Math.min(need, lot.remaining);
        lot.remaining -= take;
        need -= take;
      }
    },
    /** The open lots lapsed at `time` (ms), soonest first: each needs its expiry row, then `close`. */
    lapsed: (time: number) =>
      open()
        .filter((lot) => expiryOf(lot) <= time)
        .sort((a, b) => expiryOf(a) - expiryOf(b)),
    close(lot: Lot) {
      lot.remaining = 0;
      lot.expired = true;
    },
    /** `balance.expiring`: the open lots that will lapse after `time`, soonest first. */
    expiring: (time: number): ExpiringGrant[] =>
      open()
        .filter((lot) => lot.expiresAt !== null && expiryOf(lot) > time)
        .sort((a, b) => expiryOf(a) - expiryOf(b))
        .slice(0, 10)
        .map((lot) => ({ amount: lot.remaining, expiresAt: lot.expiresAt as string })),
  };
}
