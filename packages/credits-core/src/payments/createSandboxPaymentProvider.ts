import { CreditsError } from '../CreditsError.js';
import type { CreditsClient } from '../createCreditsClient.js';
import type { PaymentProvider } from './PaymentProvider.js';

function requireToken(token: string | undefined): string {
  if (!token)
    throw new CreditsError('validation_failed', 'Enter one of the Stripe test card numbers.');
  return token;
}

/**
 * Sandbox payments (test mode): confirms through the contract's sandbox
 * operations with Stripe's test tokens. The card number never leaves the
 * browser — the form maps it to a token with `credits-core/sandbox` first.
 */
export function createSandboxPaymentProvider(client: CreditsClient): PaymentProvider {
  return {
    kind: 'sandbox',
    needsChallengeUi: true,
    confirmPurchase: (purchase, card, signal) =>
      client.sandbox.confirmPurchase(
        purchase.id,
        { paymentMethod: requireToken(card.token), savePaymentMethod: card.savePaymentMethod },
        { signal },
      ),
    handleNextAction: (purchase, outcome = 'complete', signal) =>
      client.sandbox.authenticatePurchase(purchase.id, { outcome }, { signal }),
    confirmSetup: (setupIntent, card, signal) =>
      client.sandbox.confirmSetupIntent(
        setupIntent.id,
        { paymentMethod: requireToken(card.token) },
        { signal },
      ),
    handleSetupNextAction: (setupIntent, outcome = 'complete', signal) =>
      client.sandbox.authenticateSetupIntent(setupIntent.id, { outcome }, { signal }),
  };
}
