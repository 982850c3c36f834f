export type { FlowError, ProviderSource } from './createAttemptFlow.js';
export {
  createPurchaseFlow,
  type PaymentChoice,
  type PurchaseFlow,
  type PurchaseFlowOptions,
  type PurchaseFlowState,
} from './createPurchaseFlow.js';
export { createSandboxPaymentProvider } from './createSandboxPaymentProvider.js';
export {
  createSaveCardFlow,
  type SaveCardFlow,
  type SaveCardFlowOptions,
  type SaveCardFlowState,
} from './createSaveCardFlow.js';
export {
  createStripePaymentProvider,
  type StripeLike,
  type StripePaymentProviderOptions,
  type StripeResult,
} from './createStripePaymentProvider.js';
export type { NewCardDetails, PaymentProvider } from './PaymentProvider.js';
export {
  createStoragePendingPurchaseStore,
  type PendingPurchase,
  type PendingPurchaseStore,
  type StorageLike,
} from './pendingPurchaseStore.js';
