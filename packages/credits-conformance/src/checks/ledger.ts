import { type Transaction, transactionPageSchema } from 'credits-core';
import { CheckFailure, CheckSkipped, ensure } from '../CheckFailure.js';
import type { CheckContext } from '../createCheckContext.js';
import type { HttpResponse } from '../createHttp.js';
import { buyWithSandbox } from './sandboxPurchase.js';

export type Query = Record<string, string | number | readonly string[] | undefined>;

/** How many of the newest rows the ledger checks read (their window on a long ledger). */
export const LEDGER_WINDOW = 1_000;
/** How many sandbox purchases a check may make to get the rows it needs. */
const MAX_PURCHASES = 8;

export interface Listing {
  /** Newest first, as listed. */
  rows: Transaction[];
  /** Whether `rows` is the whole (filtered) ledger, i.e. the last page had no `nextCursor`. */
  complete: boolean;
  /** Every page's exchange, first page first. */
  responses: HttpResponse[];
}

/** One page of `GET /transactions`, parsed against the contract. */
export async function fetchPage(context: CheckContext, query: Query = {}) {
  const response = await context.http('GET', '/transactions', { query });
  return { response, page: context.parse(transactionPageSchema, response, 'GET /transactions') };
}

/**
 * Follows `nextCursor` from the first page until the listing ends or `maxRows` rows came
 * back. Fails on a page larger than `pageSize`, a row seen twice, or an empty page that still
 * has a `nextCursor`.
 */
export async function listAll(
  context: CheckContext,
  query: Query,
  { pageSize, maxRows = LEDGER_WINDOW }: { pageSize: number; maxRows?: number },
): Promise<Listing> {
  const rows: Transaction[] = [];
  const seen = new Set<string>();
  const responses: HttpResponse[] = [];
  let cursor: string | null = null;
  do {
    const { response, page } = await fetchPage(context, {
      ...query,
      limit: pageSize,
      cursor: cursor ?? undefined,
    });
    responses.push(response);
    ensure(
      page.data.length <= pageSize,
      `limit=${pageSize} returned ${page.data.length} rows`,
      response,
    );
    for (const row of page.data) {
      ensure(!seen.has(row.id), `row ${row.id} came back twice while paging`, response);
      seen.add(row.id);
      rows.push(row);
    }
    cursor = page.nextCursor;
    ensure(!cursor || page.data.length > 0, 'an empty page still had a nextCursor', response);
  } while (cursor && rows.length < maxRows);
  return { rows, complete: cursor === null, responses };
}

/** The newest rows of the whole ledger, in pages of `maxPageSize`. */
export async function listLedger(context: CheckContext): Promise<Listing> {
  return listAll(context, {}, { pageSize: (await context.getConfig()).limits.maxPageSize });
}

function instantParts(text: string): [number, string] {
  const match = /^(.+T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/i.exec(text);
  if (!match) return [Date.parse(text), ''];
  return [Date.parse(`${match[1]}${match[3]}`), match[2] ?? ''];
}

/**
 * Orders two RFC 3339 instants exactly: offsets are applied and sub-millisecond digits count
 * (`Date.parse` would drop them, and a PostgreSQL backend keeps microseconds).
 */
export function compareInstants(a: string, b: string): number {
  const [secondsA, fractionA] = instantParts(a);
  const [secondsB, fractionB] = instantParts(b);
  if (secondsA !== secondsB) return secondsA - secondsB;
  const digits = Math.max(fractionA.length, fractionB.length);
  const [x, y] = [fractionA.padEnd(digits, '0'), fractionB.padEnd(digits, '0')];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The distinct `createdAt` instants of these rows, oldest first. */
export function distinctInstants(rows: readonly Transaction[]): string[] {
  const sorted = rows.map((row) => row.createdAt).sort(compareInstants);
  return sorted.filter((at, i) => i === 0 || compareInstants(sorted[i - 1]!, at) !== 0);
}

export interface LedgerNeeds {
  /** At least this many rows. */
  rows?: number;
  /** At least this many distinct `createdAt` instants. */
  instants?: number;
}

function shortfall(listing: Listing, needs: LedgerNeeds): string | undefined {
  const count = listing.rows.length;
  if (needs.rows && count < needs.rows)
    return `it needs ${needs.rows} ledger rows, the account has ${count}`;
  if (needs.instants) {
    const instants = distinctInstants(listing.rows).length;
    if (instants < needs.instants)
      return `it needs rows at ${needs.instants} different createdAt times, the ledger has ${instants}`;
  }
  return undefined;
}

/**
 * The newest rows of the ledger, once it has what the check needs. In test mode the kit makes
 * sandbox purchases (one ledger row each) until it does; when it still cannot (live mode,
 * rate limits), the check is skipped with the reason — never passed on too little data.
 */
export async function ledgerWith(context: CheckContext, needs: LedgerNeeds): Promise<Listing> {
  for (let bought = 0; ; bought += 1) {
    const listing = await listLedger(context);
    const missing = shortfall(listing, needs);
    if (!missing) return listing;
    if ((await context.getConfig()).mode !== 'test')
      throw new CheckSkipped(
        `${missing}, and in live mode the kit cannot buy credits to create rows`,
      );
    if (bought >= MAX_PURCHASES)
      throw new CheckSkipped(`${missing}, even after ${bought} sandbox purchases`);
    await buyWithSandbox(context, missing);
  }
}

const ids = (rows: readonly Transaction[]) => rows.map((row) => row.id);
const some = (list: readonly string[]) =>
  list.length > 5 ? `${list.slice(0, 5).join(', ')}, … (${list.length})` : list.join(', ');

/**
 * Fails unless `actual` lists exactly the `expected` rows, in order. When `expected` comes
 * from the newest rows of a longer ledger (`wholeExpected` false), only that many of the
 * actual rows are compared.
 */
export function expectSameRows(
  what: string,
  actual: Listing,
  expected: readonly Transaction[],
  wholeExpected: boolean,
) {
  const got = ids(wholeExpected ? actual.rows : actual.rows.slice(0, expected.length));
  const want = ids(expected);
  if (got.length === want.length && got.every((id, i) => id === want[i])) return;
  const missing = want.filter((id) => !got.includes(id));
  const extra = got.filter((id) => !want.includes(id));
  const detail = [
    missing.length ? `missing ${some(missing)}` : '',
    extra.length ? `unexpected ${some(extra)}` : '',
    !missing.length && !extra.length ? 'same rows in another order' : '',
  ]
    .filter(Boolean)
    .join('; ');
  const count = actual.complete ? `${got.length}` : `${got.length}+`;
  throw new CheckFailure(
    wholeExpected
      ? `${what} returned ${count} rows, expected ${want.length}: ${detail}`
      : `${what}: the first ${want.length} rows differ from the ledger's: ${detail}`,
    actual.responses[0],
  );
}
