import { TRANSACTION_TYPES, type Transaction } from 'credits-core';
import { CheckSkipped, ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import type { HttpResponse } from '../createHttp.js';
import type { Exchange } from '../types.js';
import {
  compareInstants,
  distinctInstants,
  expectSameRows,
  fetchPage,
  type Listing,
  ledgerWith,
  listAll,
  listLedger,
  type Query,
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

/** Lists a filtered ledger in about three pages, so cursors are followed with the filter too. */
async function listFiltered(
  context: CheckContext,
  query: Query,
  expected: readonly Transaction[],
  wholeExpected: boolean,
): Promise<Listing> {
  const { maxPageSize } = (await context.getConfig()).limits;
  const pageSize = Math.min(maxPageSize, Math.max(2, Math.ceil((expected.length + 1) / 3)));
  return listAll(context, query, {
    pageSize,
    maxRows: wholeExpected ? expected.length + 1 : expected.length,
  });
}

/** The most frequent values first. */
function byFrequency(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

const window = (listing: Listing) =>
  listing.complete ? 'the ledger' : `the newest ${listing.rows.length} rows`;

const swapCase = (word: string) =>
  [...word].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');

const matchesSearch = (row: Transaction, needle: string) =>
  row.description.toLowerCase().includes(needle) ||
  (row.website?.name ?? '').toLowerCase().includes(needle);

/**
 * Checks that read the ledger. They run after the purchase checks have added rows, and make
 * the sandbox purchases they still need (test mode); with too little data they are skipped.
 */
export const ledgerChecks: Check[] = [
  {
    id: 'balance.matchesLedger',
    title: 'The balance equals the newest ledger row’s balanceAfter',
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
        newest.balanceAfter === balance.available,
        `balance.available is ${balance.available}, the newest row (${newest.id}) says ${newest.balanceAfter}`,
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
  {
    id: 'transactions.filters.type',
    title: '`type` (repeatable) returns exactly the rows of those types',
    async run(context) {
      const listing = await ledgerWith(context, { rows: 1 });
      const present = byFrequency(listing.rows.map((row) => row.type));
      const check = async (types: string[]) => {
        const expected = listing.rows.filter((row) => types.includes(row.type));
        const actual = await listFiltered(context, { type: types }, expected, listing.complete);
        const other = actual.rows.find((row) => !types.includes(row.type));
        ensure(
          !other,
          `type=${types.join('&type=')} returned a ${other?.type} row (${other?.id})`,
          actual.responses[0],
        );
        expectSameRows(`type=${types.join('&type=')}`, actual, expected, listing.complete);
      };
      await check(present.slice(0, 1));
      if (present.length >= 2) await check(present.slice(0, 2));
      const absent = TRANSACTION_TYPES.find((type) => !present.includes(type));
      if (absent && listing.complete) await check([absent]);
      else if (present.length < 2)
        throw new CheckSkipped(
          `every row of ${window(listing)} is a ${present[0]} row, so a backend that ignores type would pass`,
        );
    },
  },
  {
    id: 'transactions.filters.website',
    title: '`websiteId` returns exactly the rows of that website',
    async run(context) {
      const listing = await ledgerWith(context, { rows: 1 });
      const none = await listAll(
        context,
        { websiteId: 'conformance-no-such-website' },
        { pageSize: 10, maxRows: 1 },
      );
      ensure(
        none.rows.length === 0,
        'websiteId of a website with no rows still returned rows',
        none.responses[0],
      );
      const [websiteId] = byFrequency(
        listing.rows.flatMap((row) => (row.website ? [row.website.id] : [])),
      );
      if (!websiteId)
        throw new CheckSkipped(
          `no row of ${window(listing)} has a website (usage rows do, and the contract has no operation that records usage)`,
        );
      const expected = listing.rows.filter((row) => row.website?.id === websiteId);
      const actual = await listFiltered(context, { websiteId }, expected, listing.complete);
      const other = actual.rows.find((row) => row.website?.id !== websiteId);
      ensure(
        !other,
        `websiteId=${websiteId} returned ${other?.id}, a row of ${other?.website?.id ?? 'no website'}`,
        actual.responses[0],
      );
      expectSameRows(`websiteId=${websiteId}`, actual, expected, listing.complete);
    },
  },
  {
    id: 'transactions.filters.search',
    title: '`search` is a case-insensitive substring of description or website name',
    async run(context) {
      const listing = await ledgerWith(context, { rows: 1 });
      const nonsense = `zq${context.key().replace(/-/g, '')}`;
      const none = await listAll(context, { search: nonsense }, { pageSize: 10, maxRows: 1 });
      ensure(
        none.rows.length === 0,
        `search=${nonsense} (in no row) still returned rows`,
        none.responses[0],
      );
      const words = [
        ...new Set(
          listing.rows.flatMap(
            (row) => `${row.description} ${row.website?.name ?? ''}`.match(/[A-Za-z]{3,}/g) ?? [],
          ),
        ),
      ];
      const count = (word: string) =>
        listing.rows.filter((row) => matchesSearch(row, word.toLowerCase())).length;
      // Prefer a word that some rows have and others not.
      const word = words.find((candidate) => count(candidate) < listing.rows.length) ?? words[0];
      if (!word)
        throw new CheckSkipped(`no description in ${window(listing)} has a word to search for`);
      const needle = swapCase(word);
      const expected = listing.rows.filter((row) => matchesSearch(row, word.toLowerCase()));
      const actual = await listFiltered(context, { search: needle }, expected, listing.complete);
      const other = actual.rows.find((row) => !matchesSearch(row, word.toLowerCase()));
      ensure(
        !other,
        `search=${needle} returned ${other?.id}, which does not contain it`,
        actual.responses[0],
      );
      expectSameRows(`search=${needle} (case-insensitive)`, actual, expected, listing.complete);
    },
  },
  {
    id: 'transactions.filters.dates',
    title: '`from` (inclusive) and `to` (exclusive) return exactly the rows in the window',
    async run(context) {
      const listing = await ledgerWith(context, { instants: 3 });
      const instants = distinctInstants(listing.rows);
      const at = (row: Transaction, instant: string) => compareInstants(row.createdAt, instant);
      // A time strictly after the oldest row: every row at or after it is in `listing`.
      const pivot = instants[Math.floor(instants.length / 2)]!;

      const fromRows = listing.rows.filter((row) => at(row, pivot) >= 0);
      expectSameRows(
        `from=${pivot} (inclusive)`,
        await listFiltered(context, { from: pivot }, fromRows, true),
        fromRows,
        true,
      );

      const toRows = listing.rows.filter((row) => at(row, pivot) < 0);
      expectSameRows(
        `to=${pivot} (exclusive)`,
        await listFiltered(context, { to: pivot }, toRows, listing.complete),
        toRows,
        listing.complete,
      );

      const [from, to] = [instants[1]!, instants.at(-1)!];
      const between = listing.rows.filter((row) => at(row, from) >= 0 && at(row, to) < 0);
      expectSameRows(
        `from=${from}&to=${to}`,
        await listFiltered(context, { from, to }, between, true),
        between,
        true,
      );
    },
  },
];
