import type {
  TransactionFilters,
  UsageByWebsiteParams,
  UsageSeriesParams,
} from '../createCreditsClient.js';

/**
 * Hierarchical TanStack Query keys, scoped by account: invalidating
 * `creditsKeys.account(id)` refreshes everything of that account, and a
 * different signed-in account never reads another's cache entries.
 */
export const creditsKeys = {
  all: ['credits'] as const,
  account: (account: string) => [...creditsKeys.all, account] as const,
  config: (account: string) => [...creditsKeys.account(account), 'config'] as const,
  balance: (account: string) => [...creditsKeys.account(account), 'balance'] as const,
  transactions: (account: string) => [...creditsKeys.account(account), 'transactions'] as const,
  transactionList: (account: string, filters: TransactionFilters & { limit?: number } = {}) =>
    [...creditsKeys.transactions(account), normalizeFilters(filters)] as const,
  usage: (account: string, params: UsageByWebsiteParams = {}) =>
    [...creditsKeys.account(account), 'usage', normalizeFilters(params)] as const,
  /** The ranking page by page (an infinite query: not the same data as `usage`). */
  usagePages: (account: string, params: UsageByWebsiteParams = {}) =>
    [...creditsKeys.account(account), 'usage-pages', normalizeFilters(params)] as const,
  usageSeries: (account: string, params: UsageSeriesParams) =>
    [...creditsKeys.account(account), 'usage-series', normalizeFilters(params)] as const,
  packages: (account: string) => [...creditsKeys.account(account), 'packages'] as const,
  purchase: (account: string, purchaseId: string) =>
    [...creditsKeys.account(account), 'purchases', purchaseId] as const,
  paymentMethods: (account: string) =>
    [...creditsKeys.account(account), 'payment-methods'] as const,
  /** `credits-core/auto-recharge`'s document (here, so the live stream writes it without that entry). */
  autoRecharge: (account: string) => [...creditsKeys.account(account), 'auto-recharge'] as const,
};

/** Drops empty values and sorts list filters, so equal filters share one cache entry. */
function normalizeFilters<T extends object>(filters: T): Partial<T> {
  const normalized: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) normalized[key] = [...value].sort();
      continue;
    }
    normalized[key] = typeof value === 'string' ? value.trim() : value;
  }
  return normalized as Partial<T>;
}
