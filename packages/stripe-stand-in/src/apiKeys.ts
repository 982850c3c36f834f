import type { FormFields } from './formBody.js';
import { StripeApiError } from './stripeErrors.js';

export type KeyKind = 'secret' | 'publishable';

const unauthorized = (message: string) =>
  new StripeApiError(401, { type: 'invalid_request_error', message });

/**
 * https://docs.stripe.com/keys: who a request is. A secret or restricted key in the
 * Authorization header (Bearer), or the publishable key for Stripe.js's calls. Stripe.js sends
 * its key as the `key` parameter of a form-encoded request (no Authorization header, so the
 * browser needs no CORS preflight); only a publishable key is taken that way.
 */
export function createKeyCheck(keys: { secretKey: string; publishableKey: string }) {
  function authenticate(header: string | undefined, param: string | undefined): KeyKind {
    if (!header && param === keys.publishableKey) return 'publishable';
    const key = header?.replace(/^Bearer\s+/i, '');
    if (!key) {
      throw unauthorized(
        'You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.',
      );
    }
    if (key === keys.secretKey) return 'secret';
    if (key === keys.publishableKey) return 'publishable';
    throw unauthorized(
      `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(Math.max(0, key.length - 12))}${key.slice(-4)}`,
    );
  }

  /** A publishable key may only read or confirm an intent whose client secret it sends (Stripe.js). */
  function clientSide(key: KeyKind, fields: FormFields, intent: { client_secret: string | null }) {
    if (key === 'secret') return;
    if (fields.client_secret !== intent.client_secret) {
      throw unauthorized(
        'This API call cannot be made with a publishable API key without the client secret. Please use a secret API key.',
      );
    }
  }

  /** Everything else needs the secret key. */
  function secretOnly(key: KeyKind) {
    if (key !== 'secret') {
      throw unauthorized(
        'This API call cannot be made with a publishable API key. Please use a secret API key.',
      );
    }
  }

  return { authenticate, clientSide, secretOnly };
}
