import type {
  Balance,
  ExpiringGrant,
  Transaction,
  TransactionPage,
  TransactionType,
  UsageByWebsite,
  Website,
} from 'credits-core';
import { ProblemError, type usageSeriesQuerySchema } from 'credits-core/server';
import type * as v from 'valibot';
import { createLots } from './createLots.js';
import { decodeCursor, encodeCursor } from './ledgerCursor.js';
import { usageSeriesOf } from './usageQueries.js';

export interface LedgerFilters {
  type?: readonly TransactionType[];
  websiteId?: string;
  from?: string;
  to?: string;
  search?: string;
}

export interface LedgerOptions {
  /** Initial rows, newest first (as the API lists them). Their `balanceAfter` must chain. */
  transactions?: readonly Transaction[];
  overdraftAllowed?: boolean;
  lowBalanceThreshold?: number | null;
  expiring?: readonly ExpiringGrant[];
}

export type NewTransaction = Omit<Transaction, 'id' | 'balanceAfter'> & {
  /** A hold's capture: credits it reserved, spent without a balance check. */
  reserved?: boolean;
  /** A credit: when the lot it opens lapses (none: never). */
  expiresAt?: string | null;
};

/**
 * The append-only ledger of one account: every balance change is one row, and
 * the balance is derived from the rows. Listing is newest first with a keyset
 * cursor, so rows appended while someone pages are never seen twice.
 */
export function createLedger(options: LedgerOptions = {}) {
  const rows: Transaction[] = [...(options.transactions ?? [])].reverse();
  let total = 0;
  let used = 0;
  for (const row of rows) {
    if (row.type === 'usage') used -= row.amount;
    else total += row.amount;
  }
  let nextId = rows.length + 1;
  // The starting balance in lots: the `expiring` grants (soonest first), the rest never expiring.
  const lots = createLots();
  for (const grant of [...(options.expiring ?? [])].sort(
    (a, b) => Date.parse(a.expiresAt) - Date.parse(b.expiresAt),
  ))
    lots.credit(grant.amount, total - used, grant.expiresAt, 'Promotional credits');
  lots.credit(total - used, total - used, null, 'Credits');
  const overdraftAllowed = options.overdraftAllowed ?? false;
  /** Credits reserved by active holds: not spent, not available. */
  let held = 0;

  const available = () => total - used - held;

  /** Refuses what the account cannot cover (it may not overdraw): 402, nothing moved. */
  function assertCovers(credits: number) {
    if (available() - credits < 0 && !overdraftAllowed) {
      throw new ProblemError(
        402,
        'insufficient_credits',
        'Not enough credits',
        `This needs ${credits} credits; ${available()} are available.`,
      );
    }
  }

  function append({ reserved, expiresAt, ...entry }: NewTransaction): Transaction {
    if (entry.type === 'usage' && !reserved) assertCovers(-entry.amount);
    // balanceAfter is the ledger balance (total − used): holds are not ledger rows.
    const after = total - used + entry.amount;
    const row: Transaction = { ...entry, id: `txn_${nextId++}`, balanceAfter: after };
    if (row.type === 'usage') used -= row.amount;
    else total += row.amount;
    rows.push(row);
    if (row.amount > 0) lots.credit(row.amount, after, expiresAt ?? null, row.description);
    else if (row.type !== 'expiry') lots.debit(-row.amount, Date.parse(row.createdAt));
    return row;
  }

  /** Closes the lots lapsed at `now`: one `expiry` row each, for what is left in it. */
  function expire(now: Date) {
    for (const lot of lots.lapsed(now.getTime())) {
      append({
        type: 'expiry',
        amount: -lot.remaining,
        description: `Expired: ${lot.reason}`,
        website: null,
        purchaseId: null,
        createdAt: now.toISOString(),
      });
      lots.close(lot);
    }
  }

  function balance(now: Date): Balance {
    return {
      total,
      used,
      held,
      available: available(),
      overdraftAllowed: overdraftAllowed || available() < 0,
      lowBalanceThreshold: options.lowBalanceThreshold ?? null,
      expiring: lots.expiring(now.getTime()),
      updatedAt: rows.at(-1)?.createdAt ?? now.toISOString(),
    };
  }

  function matcher(filters: LedgerFilters) {
    const types = filters.type && filters.type.length > 0 ? new Set(filters.type) : undefined;
    const from = filters.from ? Date.parse(filters.from) : undefined;
    const to = filters.to ? Date.parse(filters.to) : undefined;
    const search = filters.search?.trim().toLocaleLowerCase();
    return (row: Transaction) => {
      if (types && !types.has(row.type)) return false;
      if (filters.websiteId && row.website?.id !== filters.websiteId) return false;
      const at = Date.parse(row.createdAt);
      if (from !== undefined && at < from) return false;
      if (to !== undefined && at >= to) return false;
      if (search) {
        const haystack = `${row.description} ${row.website?.name ?? ''}`.toLocaleLowerCase();
        if (!haystack.includes(search)) return false;
      }
      return true;
    };
  }

  function list(filters: LedgerFilters, limit: number, cursor?: string | null): TransactionPage {
    const signature = JSON.stringify([
      [...(filters.type ?? [])].sort(),
      filters.websiteId ?? '',
      filters.from ?? '',
      filters.to ?? '',
      filters.search?.trim() ?? '',
    ]);
    let start = rows.length - 1;
    if (cursor) {
      const decoded = decodeCursor(cursor);
      if (!decoded || decoded.f !== signature || decoded.i < 0 || decoded.i > rows.length) {
        throw ProblemError.invalid(
          'cursor',
          'Invalid cursor',
          'The cursor is malformed or belongs to other filters.',
        );
      }
      start = decoded.i - 1;
    }
    const matches = matcher(filters);
    const data: Transaction[] = [];
    let index = start;
    for (; index >= 0 && data.length < limit; index -= 1) {
      const row = rows[index] as Transaction;
      if (matches(row)) data.push(row);
    }
    let more = false;
    for (let probe = index; probe >= 0; probe -= 1) {
      if (matches(rows[probe] as Transaction)) {
        more = true;
        break;
      }
    }
    // Read at the ledger's seq (its row count, as the event stream numbers rows).
    return {
      data,
      nextCursor: more ? encodeCursor({ i: index + 1, f: signature }) : null,
      seq: rows.length,
    };
  }

  function usageByWebsite(from: Date, to: Date): UsageByWebsite {
    const byWebsite = new Map<
      string,
      { website: Website; credits: number; transactionCount: number }
    >();
    for (const row of rows) {
      if (row.type !== 'usage' || !row.website) continue;
      const at = Date.parse(row.createdAt);
      if (at < from.getTime() || at >= to.getTime()) continue;
      const entry = byWebsite.get(row.website.id) ?? {
        website: row.website,
        credits: 0,
        transactionCount: 0,
      };
      entry.credits -= row.amount;
      entry.transactionCount += 1;
      byWebsite.set(row.website.id, entry);
    }
    const data = [...byWebsite.values()].sort((a, b) => b.credits - a.credits);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      totalCredits: data.reduce((sum, entry) => sum + entry.credits, 0),
      data,
    };
  }

  /** Reserves credits for a hold (402 when short); `release` frees them. */
  function hold(credits: number) {
    assertCovers(credits);
    held += credits;
  }
  const release = (credits: number) => {
    held -= credits;
  };

  return {
    append,
    expire,
    balance,
    hold,
    release,
    list,
    usageByWebsite,
    /** `GET /usage/series` over every row (its query already validated). */
    usageSeries: (params: v.InferOutput<typeof usageSeriesQuerySchema>) =>
      usageSeriesOf(rows, params),
    size: () => rows.length,
  };
}

export type Ledger = ReturnType<typeof createLedger>;
