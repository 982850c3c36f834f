import type { TransactionPage, UsageByWebsite } from 'credits-core';
import {
  ProblemError,
  type transactionQuerySchema,
  type usageQuerySchema,
} from 'credits-core/server';
import type * as v from 'valibot';
import { selectTransactions, selectUsageByWebsite } from '../data/ledgerData.js';
import type { Executor } from '../data/rows.js';
import { toTransaction } from './ledgerEntry.js';

interface Cursor {
  s: number;
  f: string;
}

/**
 * One page of an account's history, newest first. The cursor names the last row's `seq` and
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
  const found = await selectTransactions(executor, {
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
  };
}

/** Usage credits per website in [from, to) (default: the 30 days up to now). */
export async function usageByWebsite(
  executor: Executor,
  account: string,
  params: v.InferOutput<typeof usageQuerySchema>,
): Promise<UsageByWebsite> {
  const to = params.to ? new Date(params.to) : new Date();
  const from = params.from ? new Date(params.from) : new Date(to.getTime() - 30 * 86_400_000);
  const found = await selectUsageByWebsite(executor, account, from.toISOString(), to.toISOString());
  const data = found.map((row) => ({
    website: {
      id: String(row.website_id),
      name: String(row.name ?? row.website_id),
      url: (row.url as string | null) ?? null,
    },
    credits: Number(row.credits),
    transactionCount: Number(row.n),
  }));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    totalCredits: data.reduce((sum, entry) => sum + entry.credits, 0),
    data,
  };
}
