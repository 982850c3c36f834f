import type { DataTag, QueryFunctionContext } from '@tanstack/query-core';
import type { CreditsError } from '../CreditsError.js';
import type {
  CreditsClient,
  TransactionFilters,
  UsageByWebsiteParams,
  UsageSeriesParams,
} from '../createCreditsClient.js';
import type { Balance } from '../schemas/balance.js';
import type { CreditsConfig } from '../schemas/config.js';
import type { CreditPackageList } from '../schemas/creditPackage.js';
import type { PaymentMethodList } from '../schemas/paymentMethod.js';
import type { Purchase } from '../schemas/purchase.js';
import type { TransactionPage } from '../schemas/transaction.js';
import type { UsageByWebsite } from '../schemas/usage.js';
import type { UsageSeries } from '../schemas/usageSeries.js';
import { creditsKeys } from './creditsKeys.js';

/** A query key that carries its data and error types (TanStack's `DataTag`). */
export type CreditsQueryKey<TKey extends readonly unknown[], TData> = DataTag<
  TKey,
  TData,
  CreditsError
>;

/**
 * The client already retries safe requests with backoff, so TanStack's own
 * retry is off by default (hosts may still override it).
 */
const RETRY = { retry: false } as const;

/** What each factory returns: pass it to `useQuery`, `fetchQuery` or `prefetchQuery`. */
export interface CreditsQueryOptions<TKey extends readonly unknown[], TData> {
  queryKey: CreditsQueryKey<TKey, TData>;
  queryFn: (context: QueryFunctionContext) => Promise<TData>;
  staleTime?: number;
  retry: false;
  meta?: Record<string, unknown>;
}

/**
 * A cursor-paged list's options (the ledger, the usage ranking): pass them to
 * `useInfiniteQuery` or `fetchInfiniteQuery`.
 */
export interface CreditsInfiniteQueryOptions<
  TKey extends readonly unknown[],
  TPage = TransactionPage,
  TParam = string | null,
> {
  queryKey: CreditsQueryKey<TKey, { pages: TPage[]; pageParams: TParam[] }>;
  queryFn: (context: QueryFunctionContext<TKey, TParam>) => Promise<TPage>;
  initialPageParam: TParam;
  getNextPageParam: (lastPage: TPage) => TParam;
  retry: false;
}

/** The next page of the usage ranking: its cursor, and the period the cursor was issued for. */
export type UsagePageParam = { cursor: string; from: string; to: string } | null;

type KeyOf<TFactory extends (...args: never[]) => readonly unknown[]> = ReturnType<TFactory>;

function tag<TData, TKey extends readonly unknown[]>(key: TKey): CreditsQueryKey<TKey, TData> {
  return key as CreditsQueryKey<TKey, TData>;
}

export function configQueryOptions(
  client: CreditsClient,
  account: string,
): CreditsQueryOptions<KeyOf<typeof creditsKeys.config>, CreditsConfig> {
  return {
    queryKey: tag<CreditsConfig, ReturnType<typeof creditsKeys.config>>(
      creditsKeys.config(account),
    ),
    queryFn: ({ signal }: QueryFunctionContext) => client.getConfig({ signal }),
    staleTime: 5 * 60_000,
    ...RETRY,
  };
}

export function balanceQueryOptions(
  client: CreditsClient,
  account: string,
): CreditsQueryOptions<KeyOf<typeof creditsKeys.balance>, Balance> {
  return {
    queryKey: tag<Balance, ReturnType<typeof creditsKeys.balance>>(creditsKeys.balance(account)),
    queryFn: ({ signal }: QueryFunctionContext) => client.getBalance({ signal }),
    ...RETRY,
  };
}

export function transactionsInfiniteQueryOptions(
  client: CreditsClient,
  account: string,
  filters: TransactionFilters = {},
  limit?: number,
): CreditsInfiniteQueryOptions<KeyOf<typeof creditsKeys.transactionList>> {
  const queryKey = creditsKeys.transactionList(account, { ...filters, limit });
  return {
    queryKey: tag<{ pages: TransactionPage[]; pageParams: (string | null)[] }, typeof queryKey>(
      queryKey,
    ),
    queryFn: ({ signal, pageParam }: QueryFunctionContext<typeof queryKey, string | null>) =>
      client.listTransactions({ ...filters, limit, cursor: pageParam }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage: TransactionPage) => lastPage.nextCursor,
    ...RETRY,
  };
}

export function usageByWebsiteQueryOptions(
  client: CreditsClient,
  account: string,
  params: UsageByWebsiteParams = {},
): CreditsQueryOptions<KeyOf<typeof creditsKeys.usage>, UsageByWebsite> {
  return {
    queryKey: tag<UsageByWebsite, ReturnType<typeof creditsKeys.usage>>(
      creditsKeys.usage(account, params),
    ),
    queryFn: ({ signal }: QueryFunctionContext) => client.getUsageByWebsite(params, { signal }),
    ...RETRY,
  };
}

/**
 * The usage ranking page by page (`UsageByWebsite`'s "Show more"): `limit` websites a page.
 * A cursor is valid only for the period it was issued for, so each next page asks for the
 * first page's own `from`/`to` (a default period, "the last 30 days", moves with the clock).
 */
export function usageByWebsitePagesQueryOptions(
  client: CreditsClient,
  account: string,
  params: Omit<UsageByWebsiteParams, 'cursor'> = {},
): CreditsInfiniteQueryOptions<
  KeyOf<typeof creditsKeys.usagePages>,
  UsageByWebsite,
  UsagePageParam
> {
  const queryKey = creditsKeys.usagePages(account, params);
  return {
    queryKey: tag<{ pages: UsageByWebsite[]; pageParams: UsagePageParam[] }, typeof queryKey>(
      queryKey,
    ),
    queryFn: ({ signal, pageParam }: QueryFunctionContext<typeof queryKey, UsagePageParam>) =>
      client.getUsageByWebsite({ ...params, ...pageParam }, { signal }),
    initialPageParam: null as UsagePageParam,
    getNextPageParam: ({ nextCursor, from, to }: UsageByWebsite) =>
      nextCursor ? { cursor: nextCursor, from, to } : null,
    ...RETRY,
  };
}

/** The usage series of a range (`UsageChart`): cached per range, bucket, zone and grouping. */
export function usageSeriesQueryOptions(
  client: CreditsClient,
  account: string,
  params: UsageSeriesParams,
): CreditsQueryOptions<KeyOf<typeof creditsKeys.usageSeries>, UsageSeries> {
  return {
    queryKey: tag<UsageSeries, ReturnType<typeof creditsKeys.usageSeries>>(
      creditsKeys.usageSeries(account, params),
    ),
    queryFn: ({ signal }: QueryFunctionContext) => client.getUsageSeries(params, { signal }),
    ...RETRY,
  };
}

export function packagesQueryOptions(
  client: CreditsClient,
  account: string,
): CreditsQueryOptions<KeyOf<typeof creditsKeys.packages>, CreditPackageList> {
  return {
    queryKey: tag<CreditPackageList, ReturnType<typeof creditsKeys.packages>>(
      creditsKeys.packages(account),
    ),
    queryFn: ({ signal }: QueryFunctionContext) => client.listPackages({ signal }),
    staleTime: 5 * 60_000,
    ...RETRY,
  };
}

export function purchaseQueryOptions(
  client: CreditsClient,
  account: string,
  purchaseId: string,
): CreditsQueryOptions<KeyOf<typeof creditsKeys.purchase>, Purchase> {
  return {
    queryKey: tag<Purchase, ReturnType<typeof creditsKeys.purchase>>(
      creditsKeys.purchase(account, purchaseId),
    ),
    queryFn: ({ signal }: QueryFunctionContext) => client.getPurchase(purchaseId, { signal }),
    ...RETRY,
  };
}

export function paymentMethodsQueryOptions(
  client: CreditsClient,
  account: string,
): CreditsQueryOptions<KeyOf<typeof creditsKeys.paymentMethods>, PaymentMethodList> {
  return {
    queryKey: tag<PaymentMethodList, ReturnType<typeof creditsKeys.paymentMethods>>(
      creditsKeys.paymentMethods(account),
    ),
    queryFn: ({ signal }: QueryFunctionContext) => client.listPaymentMethods({ signal }),
    ...RETRY,
  };
}
