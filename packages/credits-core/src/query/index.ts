export { creditsKeys } from './creditsKeys.js';
export {
  applyPurchaseToCache,
  deletePaymentMethodMutationOptions,
  invalidateCredits,
  setDefaultPaymentMethodMutationOptions,
} from './creditsMutationOptions.js';
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
  usageByWebsiteQueryOptions,
} from './creditsQueryOptions.js';
export {
  dehydrateCredits,
  type PrefetchCreditsOptions,
  prefetchCredits,
} from './prefetchCredits.js';
