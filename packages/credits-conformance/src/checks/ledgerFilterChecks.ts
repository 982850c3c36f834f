import { TRANSACTION_TYPES, type Transaction } from 'credits-core';
import { CheckSkipped, ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import {
  compareInstants,
  distinctInstants,
  expectSameRows,
  type Listing,
  ledgerWith,
  listAll,
  type Query,
} from './ledger.js';
import { recordWebsiteUsage } from './serverApi.js';

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
 * The ledger's filters (type, website, search, dates), each against what the unfiltered ledger
 * says. The website filter records usage through the Server API when it can (an API key given).
 */
export const ledgerFilterChecks: Check[] = [
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
      let listing = await ledgerWith(context, { rows: 1 });
      if (!listing.rows.some((row) => row.website)) {
        // Usage rows carry websites, and only the Server API records usage.
        await recordWebsiteUsage(context);
        listing = await ledgerWith(context, { rows: 1 });
      }
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
          `no row of ${window(listing)} has a website, even after recording usage through the Server API`,
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
