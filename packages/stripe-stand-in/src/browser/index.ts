export { THREE_D_SECURE_MESSAGE } from '../threeDSecurePage.js';
export {
  createStripeJsStandIn,
  loadStripeStandIn,
  type StripeJsStandInOptions,
} from './createStripeJsStandIn.js';
export { IntegrationError } from './notModelled.js';
