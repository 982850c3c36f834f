import { useInfiniteQuery } from '@tanstack/react-query';
import type { TransactionFilters } from 'credits-core';
import { transactionsInfiniteQueryOptions } from 'credits-core/query';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/** The ledger, newest first, filtered on the server, one page at a time (`fetchNextPage`). */
export function useTransactions(filters: TransactionFilters = {}, pageSize?: number) {
  const { client, account } = useCreditsContext('useTransactions()');
  return useInfiniteQuery(transactionsInfiniteQueryOptions(client, account, filters, pageSize));
}
