import type { TransactionPage } from 'credits-core';
import { ProblemError, type transactionQuerySchema } from 'credits-core/server';
import type * as v from 'valibot';
import { selectTransactions } from '../data/ledgerData.js';
import type { Executor } from '../data/rows.js';
import { toTransaction } from './ledgerEntry.js';

interface Cursor {
  s: number;
  f: string;
}

/**
 * One page of an account's history, newest first, with the ledger `seq` it was read at (a live
 * client compares it with its stream's). The cursor names the last row's `seq` and
 * the filters it was made for: with other filters it is refused (400), never misread.
 */
export async function transactionPage(
  executor: Executor,
  account: string,
  params: v.InferOutput<typeof transactionQuerySchema>,
  size: number,
): Promise<TransactionPage> {
  const { type: types, websiteId, from, to } = params;
  const search = params.search?.trim() || undefined;
  const signature = JSON.stringify([
    [...types].sort(),
    websiteId ?? '',
    from ?? '',
    to ?? '',
    search ?? '',
  ]);
  let beforeSeq: number | undefined;
  const cursorText = params.cursor;
  if (cursorText) {
    let cursor: Cursor | undefined;
    try {
      cursor = JSON.parse(Buffer.from(cursorText, 'base64url').toString('utf8')) as Cursor;
    } catch {
      cursor = undefined;
    }
    if (!cursor || !Number.isSafeInteger(cursor.s) || cursor.s < 1 || cursor.f !== signature) {
      throw ProblemError.invalid(
        'cursor',
        'Invalid cursor',
        'The cursor is malformed or belongs to other filters.',
      );
    }
    beforeSeq = cursor.s;
  }
  const { rows: found, seq } = await selectTransactions(executor, {
    account,
    beforeSeq,
    types,
    websiteId,
    from: from ? new Date(from).toISOString() : undefined,
    to: to ? new Date(to).toISOString() : undefined,
    search,
    limit: size + 1,
  });
  const page = found.slice(0, size);
  const last = page.at(-1);
  return {
    data: page.map(toTransaction),
    nextCursor:
      found.length > size && last
        ? Buffer.from(JSON.stringify({ s: Number(last.seq), f: signature })).toString('base64url')
        : null,
    seq,
  };
}
