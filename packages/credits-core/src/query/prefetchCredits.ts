import { type DehydratedState, dehydrate, type QueryClient } from '@tanstack/query-core';
import type { CreditsClient, TransactionFilters } from '../createCreditsClient.js';
import {
  balanceQueryOptions,
  configQueryOptions,
  transactionsInfiniteQueryOptions,
} from './creditsQueryOptions.js';

export interface PrefetchCreditsOptions {
  client: CreditsClient;
  account: string;
  /** What the page shows. Default: balance and the first page of history. */
  include?: { balance?: boolean; transactions?: boolean | TransactionFilters; config?: boolean };
}

/**
 * For SSR frameworks (server code, no React): fetch what the widgets will show,
 * then hand `dehydrate(queryClient)` to `<HydrationBoundary>` — the first paint
 * has data and the browser does not fetch it again.
 */
export async function prefetchCredits(
  queryClient: QueryClient,
  options: PrefetchCreditsOptions,
): Promise<void> {
  const { client, account, include = { balance: true, transactions: true } } = options;
  const work: Promise<unknown>[] = [];
  if (include.balance) work.push(queryClient.prefetchQuery(balanceQueryOptions(client, account)));
  if (include.config) work.push(queryClient.prefetchQuery(configQueryOptions(client, account)));
  if (include.transactions) {
    const filters = include.transactions === true ? {} : include.transactions;
    work.push(
      queryClient.prefetchInfiniteQuery(transactionsInfiniteQueryOptions(client, account, filters)),
    );
  }
  await Promise.all(work);
}

/** `prefetchCredits` and `dehydrate` in one call. */
export async function dehydrateCredits(
  queryClient: QueryClient,
  options: PrefetchCreditsOptions,
): Promise<DehydratedState> {
  await prefetchCredits(queryClient, options);
  return dehydrate(queryClient);
}
