export { creditsKeys } from './creditsKeys';
export {
  applyPurchaseToCache,
  deletePaymentMethodMutationOptions,
  invalidateCredits,
  setDefaultPaymentMethodMutationOptions,
} from './creditsMutationOptions';
export {
  balanceQueryOptions,
  configQueryOptions,
  packagesQueryOptions,
  paymentMethodsQueryOptions,
  purchaseQueryOptions,
  transactionsInfiniteQueryOptions,
  usageByWebsiteQueryOptions,
} from './creditsQueryOptions';
