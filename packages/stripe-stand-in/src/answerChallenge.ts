import type { ServerResponse } from 'node:http';
import type { StripeStore } from './createStripeStore.js';
import type { FormFields } from './formBody.js';
import { StripeApiError } from './stripeErrors.js';
import { answeredPage, challengePage, unknownChallengePage } from './threeDSecurePage.js';

/**
 * `/v1/3ds/:intent`, where hooks.stripe.com would serve 3D Secure: GET shows the test page
 * (threeDSecurePage.ts) for the intent whose client secret it is given; POST takes the
 * customer's Complete/Fail and authenticates the intent as the bank would (store.authenticate),
 * then tells Stripe.js in the parent frame.
 */
export function answerChallenge(
  res: ServerResponse,
  store: StripeStore,
  request: { method: string; intentId: string; fields: FormFields },
) {
  const { method, intentId, fields } = request;
  const html = (status: number, text: string) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(text);
  };
  const intent =
    store.allPaymentIntents().find((i) => i.id === intentId) ??
    store.allSetupIntents().find((i) => i.id === intentId);
  if (!intent || !fields.client_secret || fields.client_secret !== intent.client_secret) {
    return html(404, unknownChallengePage());
  }
  if (method !== 'POST') {
    return html(200, challengePage(`/v1/3ds/${intentId}`, intent.client_secret));
  }
  const outcome = fields.outcome === 'complete' ? 'complete' : 'fail';
  try {
    store.authenticate(intentId, outcome);
  } catch (error) {
    // Answered already (or no longer waiting): the page says what was pressed; Stripe.js reads the intent.
    if (!(error instanceof StripeApiError)) throw error;
  }
  return html(200, answeredPage(intentId, outcome));
}
