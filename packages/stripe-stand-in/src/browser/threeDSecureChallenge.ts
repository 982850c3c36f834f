import { THREE_D_SECURE_MESSAGE } from '../threeDSecurePage.js';

/**
 * Stripe.js's 3D Secure modal (https://docs.stripe.com/payments/3d-secure/authentication-flow:
 * "Stripe.js displays the challenge in a modal"; the test page has Complete and Fail buttons,
 * https://docs.stripe.com/testing#regulatory-cards): a modal `<dialog>` over the page holding
 * a frame with the issuer's page, which the API stand-in serves where hooks.stripe.com would
 * (so the host's CSP must allow it in frame-src). Resolves once the page posts the answer.
 */
export function runThreeDSecureChallenge(challengeUrl: string, intentId: string): Promise<void> {
  const origin = new URL(challengeUrl).origin;
  const dialog = document.createElement('dialog');
  dialog.dataset.stripeStandIn = 'three-d-secure';
  dialog.setAttribute('aria-label', '3D Secure authentication');
  // Above any host modal (which may set pointer-events: none on the body), as Stripe's is.
  dialog.style.pointerEvents = 'auto';
  dialog.style.padding = '0';
  dialog.style.border = '0';
  const frame = document.createElement('iframe');
  frame.title = '3D Secure 2 Test Page';
  frame.src = challengeUrl;
  frame.style.width = '400px';
  frame.style.maxWidth = '90vw';
  frame.style.height = '300px';
  frame.style.border = '0';
  frame.style.background = '#ffffff';
  dialog.append(frame);
  // The customer answers the challenge; Escape does not dismiss it.
  dialog.addEventListener('cancel', (event) => event.preventDefault());
  document.body.append(dialog);
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      const data = event.data as { type?: string; intent?: string } | null;
      if (event.origin !== origin || data?.type !== THREE_D_SECURE_MESSAGE) return;
      if (data.intent !== intentId) return;
      window.removeEventListener('message', onMessage);
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
      dialog.remove();
      resolve();
    };
    window.addEventListener('message', onMessage);
  });
}
