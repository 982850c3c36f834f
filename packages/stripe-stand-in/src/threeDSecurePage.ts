/**
 * Stripe's 3D Secure test page (https://docs.stripe.com/testing#regulatory-cards: "a modal
 * with a test page where you can complete or fail the authentication"), served where
 * hooks.stripe.com would serve it. Stripe.js shows it in a frame; its buttons post the
 * customer's answer here, and the answer page tells the frame's parent (Stripe.js) by
 * `postMessage`, which then retrieves the intent.
 */

/** The message the answer page posts to its parent. */
export const THREE_D_SECURE_MESSAGE = 'stripe-stand-in:3ds-answered';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!,
  );

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body>${body}</body></html>`;

/** The challenge: Complete or Fail, each a form posting the client secret back. */
export function challengePage(action: string, clientSecret: string) {
  const button = (outcome: 'complete' | 'fail', label: string) =>
    `<form method="post" action="${escapeHtml(action)}"><input type="hidden" name="client_secret" value="${escapeHtml(clientSecret)}"><input type="hidden" name="outcome" value="${outcome}"><button type="submit">${label}</button></form>`;
  return page(
    '3D Secure 2 Test Page',
    `<main><h1>3D Secure 2 Test Page</h1><p>This is a test page of the Stripe stand-in: complete or fail the authentication.</p>${button('complete', 'Complete')}${button('fail', 'Fail')}</main>`,
  );
}

/** An unknown intent or a wrong client secret. */
export const unknownChallengePage = () =>
  page('3D Secure 2 Test Page', '<p>No such authentication.</p>');

/** After the answer: tells Stripe.js (the parent) which intent was answered. */
export function answeredPage(intentId: string, outcome: string) {
  const message = JSON.stringify({ type: THREE_D_SECURE_MESSAGE, intent: intentId, outcome });
  return page(
    '3D Secure 2 Test Page',
    `<p>Authentication ${outcome === 'complete' ? 'completed' : 'failed'}.</p><script>parent.postMessage(${message.replace(/</g, '\\u003c')}, '*');</script>`,
  );
}
