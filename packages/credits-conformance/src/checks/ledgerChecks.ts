import type { Transaction } from 'credits-core';
import { CheckSkipped, ensure } from '../CheckFailure.js';
import type { Check } from '../createCheckContext.js';
import type { HttpResponse } from '../createHttp.js';
import type { Exchange } from '../types.js';
import {
  compareInstants,
  expectSameRows,
  fetchPage,
  type Listing,
  ledgerWith,
  listLedger,
} from './ledger.js';
import { available, buyWithSandbox } from './sandboxPurchase.js';

function expectChained(rows: Transaction[], response: Exchange) {
  for (let i = 0; i + 1 < rows.length; i += 1) {
    const [row, older] = [rows[i]!, rows[i + 1]!];
    ensure(
      row.balanceAfter - row.amount === older.balanceAfter,
      `balanceAfter does not chain: ${row.id} (${row.balanceAfter}, amount ${row.amount}) follows ${older.id} (${older.balanceAfter})`,
      response,
    );
    ensure(
      compareInstants(row.createdAt, older.createdAt) >= 0,
      `not newest first: ${row.id} is older than ${older.id}`,
      response,
    );
  }
}

/**
 * Checks that read the ledger. They run after the purchase checks have added rows, and make
 * the sandbox purchases they still need (test mode); with too little data they are skipped.
 */
export const ledgerChecks: Check[] = [
  {
    id: 'balance.matchesLedger',
    title: 'The balance (available + held) equals the newest ledger row’s balanceAfter',
    async run(context) {
      await context.getConfig(); // without it, the skip below would not mean an empty ledger
      let listing: Listing;
      try {
        listing = await ledgerWith(context, { rows: 1 });
      } catch (error) {
        if (!(error instanceof CheckSkipped)) throw error;
        // An empty ledger in live mode: the balance must be 0.
        const balance = await available(context);
        return ensure(
          balance.available === 0,
          'the ledger is empty but the balance is not 0',
          balance.response,
        );
      }
      const balance = await available(context);
      const newest = listing.rows[0]!;
      ensure(
        newest.balanceAfter === balance.available + balance.held,
        `balance.available + held is ${balance.available} + ${balance.held}, the newest row (${newest.id}) says ${newest.balanceAfter}`,
        balance.response,
      );
    },
  },
  {
    id: 'transactions.schema',
    title: 'GET /transactions pages match the contract, newest first, with chained balanceAfter',
    async run(context) {
      await ledgerWith(context, { rows: 2 });
      const { defaultPageSize } = (await context.getConfig()).limits;
      const { response, page } = await fetchPage(context);
      ensure(page.data.length > 0, 'the first page is empty though rows exist', response);
      ensure(
        page.data.length <= defaultPageSize,
        `without limit, a page has ${page.data.length} rows (defaultPageSize ${defaultPageSize})`,
        response,
      );
      expectChained(page.data, response);
    },
  },
  {
    id: 'transactions.limitBounds',
    title: '`limit` is honoured, a larger one is accepted, and 0 is refused',
    async run(context) {
      await ledgerWith(context, { rows: 2 });
      const { limits } = await context.getConfig();
      const one = await fetchPage(context, { limit: 1 });
      ensure(
        one.page.data.length === 1,
        `limit=1 returned ${one.page.data.length} rows though the ledger has several`,
        one.response,
      );
      ensure(one.page.nextCursor, 'limit=1 left more rows but nextCursor is null', one.response);
      const big = await fetchPage(context, { limit: limits.maxPageSize + 50 });
      ensure(
        big.page.data.length <= limits.maxPageSize,
        `limit above maxPageSize returned ${big.page.data.length} rows (max ${limits.maxPageSize})`,
        big.response,
      );
      const zero = await context.http('GET', '/transactions', { query: { limit: 0 } });
      context.expectProblem(zero, 400, 'validation_failed');
    },
  },
  {
    id: 'transactions.limitClamp',
    title: 'A `limit` above maxPageSize is clamped to maxPageSize rows',
    async run(context) {
      const { maxPageSize } = (await context.getConfig()).limits;
      const listing = await listLedger(context);
      if (listing.complete && listing.rows.length <= maxPageSize) {
        throw new CheckSkipped(
          `it needs more than maxPageSize (${maxPageSize}) ledger rows, the account has ${listing.rows.length} (the kit does not buy that many)`,
        );
      }
      const big = await fetchPage(context, { limit: maxPageSize + 50 });
      ensure(
        big.page.data.length <= maxPageSize,
        `limit=${maxPageSize + 50} returned ${big.page.data.length} rows (maxPageSize ${maxPageSize})`,
        big.response,
      );
      ensure(big.page.data.length > 0, 'a clamped page is empty', big.response);
      ensure(big.page.nextCursor, 'a clamped page left rows but has no nextCursor', big.response);
    },
  },
  {
    id: 'transactions.pagination',
    title: 'Cursor pagination returns every row once, in order, even when a row is added',
    async run(context) {
      const full = await ledgerWith(context, { rows: 5 });
      const testMode = (await context.getConfig()).mode === 'test';
      const rows: Transaction[] = [];
      const responses: HttpResponse[] = [];
      const seen = new Set<string>();
      let cursor: string | null = null;
      for (let pages = 0; pages < 10; pages += 1) {
        const { response, page } = await fetchPage(context, {
          limit: 2,
          cursor: cursor ?? undefined,
        });
        responses.push(response);
        ensure(page.data.length <= 2, `limit=2 returned ${page.data.length} rows`, response);
        for (const row of page.data) {
          ensure(!seen.has(row.id), `row ${row.id} appeared on two pages`, response);
          seen.add(row.id);
        }
        expectChained([...rows.slice(-1), ...page.data], response);
        rows.push(...page.data);
        cursor = page.nextCursor;
        if (!cursor) break;
        ensure(page.data.length > 0, 'an empty page still had a nextCursor', response);
        // A row added while a user pages must neither repeat nor skip a row (a keyset cursor).
        if (pages === 0 && testMode)
          await buyWithSandbox(context, 'to add a row while paging').catch((error: unknown) => {
            if (!(error instanceof CheckSkipped)) throw error;
          });
      }
      const paged: Listing = { rows, complete: cursor === null, responses };
      expectSameRows(
        'paging with limit=2',
        paged,
        paged.complete ? full.rows : full.rows.slice(0, rows.length),
        !paged.complete || full.complete,
      );
    },
  },
];
