export { createStripeStore, type StoreEvent, type StripeStore } from './createStripeStore.js';
export { listPage } from './listPage.js';
export {
  type StripeRequest,
  type StripeStandIn,
  type StripeStandInOptions,
  startStripeStandIn,
} from './startStripeStandIn.js';
export { StripeApiError } from './stripeErrors.js';
