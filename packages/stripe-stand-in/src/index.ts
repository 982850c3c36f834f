export { createStripeStore, type StoreEvent, type StripeStore } from './createStripeStore.js';
export { listPage } from './listPage.js';
export {
  type StripeRequest,
  type StripeStandIn,
  type StripeStandInOptions,
  startStripeStandIn,
} from './startStripeStandIn.js';
export { StripeApiError } from './stripeErrors.js';
export { TEST_CARDS, type TestCard, testCardForToken } from './testCards.js';
