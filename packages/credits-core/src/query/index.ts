export {
  applyPurchaseToCache,
  invalidateCredits,
  invalidatePaymentMethods,
  prependTransaction,
  writePaymentMethods,
} from './cacheWriters.js';
export { creditsKeys } from './creditsKeys.js';
export {
  balanceQueryOptions,
  type CreditsInfiniteQueryOptions,
  type CreditsQueryKey,
  type CreditsQueryOptions,
  configQueryOptions,
  packagesQueryOptions,
  paymentMethodsQueryOptions,
  purchaseQueryOptions,
  transactionsInfiniteQueryOptions,
  type UsagePageParam,
  usageByWebsitePagesQueryOptions,
  usageByWebsiteQueryOptions,
  usageSeriesQueryOptions,
} from './creditsQueryOptions.js';
export {
  deletePaymentMethodMutationOptions,
  setDefaultPaymentMethodMutationOptions,
} from './paymentMethodMutationOptions.js';
export {
  dehydrateCredits,
  type PrefetchCreditsOptions,
  prefetchCredits,
} from './prefetchCredits.js';
