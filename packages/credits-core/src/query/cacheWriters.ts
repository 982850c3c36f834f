/** Everything that writes server answers into the TanStack Query cache, by hand. */
import type { QueryClient } from '@tanstack/query-core';
import type { TransactionFilters } from '../createCreditsClient.js';
import type { PaymentMethodList } from '../schemas/paymentMethod.js';
import type { Purchase } from '../schemas/purchase.js';
import type { Transaction, TransactionPage } from '../schemas/transaction.js';
import { creditsKeys } from './creditsKeys.js';

type TransactionPages = { pages: TransactionPage[]; pageParams: (string | null)[] };

/** Whether a list with these filters shows the row (a text search is the backend's to match). */
function listShows(filters: TransactionFilters, row: Transaction): boolean {
  const types = filters.type === undefined ? [] : ([] as string[]).concat(filters.type);
  const at = Date.parse(row.createdAt);
  return (
    !filters.search &&
    (!filters.websiteId || filters.websiteId === row.website?.id) &&
    (types.length === 0 || types.includes(row.type)) &&
    (!filters.from || at >= Date.parse(filters.from)) &&
    (!filters.to || at < Date.parse(filters.to))
  );
}

/**
 * Writes a purchase's outcome into the cache: once it has succeeded, the new
 * balance and its ledger row show at once (no extra request), on top of every
 * loaded history list that shows such a row; then the ledger is revalidated,
 * and the saved-card list too when the purchase kept or used a card.
 */
export async function applyPurchaseToCache(
  queryClient: QueryClient,
  account: string,
  purchase: Purchase,
): Promise<void> {
  queryClient.setQueryData(creditsKeys.purchase(account, purchase.id), purchase);
  if (purchase.status !== 'succeeded' || !purchase.balance) return;
  queryClient.setQueryData(creditsKeys.balance(account), purchase.balance);
  if (purchase.transaction) prependTransaction(queryClient, account, purchase.transaction);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: creditsKeys.transactions(account) }),
    purchase.paymentMethodId && invalidatePaymentMethods(queryClient, account),
  ]);
}

/**
 * A new ledger row on top of the first page of every loaded history list that shows such a row
 * (and does not hold it yet): the purchase that made it, or the live event stream.
 */
export function prependTransaction(queryClient: QueryClient, account: string, row: Transaction) {
  const prefix = creditsKeys.transactions(account);
  const lists = queryClient.getQueriesData<TransactionPages>({ queryKey: prefix });
  for (const [key, data] of lists) {
    // creditsKeys.transactionList: the prefix, then the list's filters.
    const filters = (key[prefix.length] ?? {}) as TransactionFilters;
    const [first, ...rest] = data?.pages ?? [];
    if (!data || !first || !listShows(filters, row)) continue;
    if (data.pages.some((page) => page.data.some((each) => each.id === row.id))) continue;
    queryClient.setQueryData<TransactionPages>(key, {
      ...data,
      pages: [{ ...first, data: [row, ...first.data] }, ...rest],
    });
  }
}

/** Credits were spent or granted elsewhere: refetch everything of this account that is shown. */
export function invalidateCredits(queryClient: QueryClient, account: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: creditsKeys.account(account) });
}

/** A saved-card list from the backend (it answers every change with the whole list) replaces the cached one. */
export function writePaymentMethods(
  queryClient: QueryClient,
  account: string,
  list: PaymentMethodList,
): void {
  queryClient.setQueryData(creditsKeys.paymentMethods(account), list);
}

/** A card was saved (a SetupIntent, or a purchase that kept its card): refetch the saved-card list. */
export function invalidatePaymentMethods(queryClient: QueryClient, account: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: creditsKeys.paymentMethods(account) });
}
