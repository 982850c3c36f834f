import type { KnownServerErrorCode } from '../schemas/enums.js';
import type { CardDetails } from '../schemas/paymentMethod.js';

/** What confirming a payment with a test token does, as Stripe's test mode does it. */
export type SandboxOutcome =
  | { type: 'succeeded' }
  | { type: 'requires_action' }
  | {
      type: 'declined';
      code: Extract<KnownServerErrorCode, 'card_declined' | 'insufficient_funds'>;
    };

export interface SandboxCard {
  /** Stripe's test payment-method token, the only thing sent to a backend. */
  token: string;
  /** The test card number a person types (digits only). Never leaves the browser. */
  number: string;
  /** Display details a saved method gets. */
  card: CardDetails;
  outcome: SandboxOutcome;
  /** What the card does, for a test-mode hint next to the form. */
  description: string;
}

const expiry = { expMonth: 12, expYear: 2034 };

/**
 * The one truth about sandbox payments, shared by credits-msw, the React
 * sandbox form and credits-server: Stripe's test cards and tokens.
 */
export const SANDBOX_CARDS: readonly SandboxCard[] = [
  {
    token: 'pm_card_visa',
    number: '4242424242424242',
    card: { brand: 'visa', last4: '4242', ...expiry },
    outcome: { type: 'succeeded' },
    description: 'Succeeds',
  },
  {
    token: 'pm_card_mastercard',
    number: '5555555555554444',
    card: { brand: 'mastercard', last4: '4444', ...expiry },
    outcome: { type: 'succeeded' },
    description: 'Succeeds (Mastercard)',
  },
  {
    token: 'pm_card_threeDSecure2Required',
    number: '4000002760003184',
    card: { brand: 'visa', last4: '3184', ...expiry },
    outcome: { type: 'requires_action' },
    description: 'Asks for 3D Secure on every payment',
  },
  {
    token: 'pm_card_visa_chargeDeclinedInsufficientFunds',
    number: '4000000000009995',
    card: { brand: 'visa', last4: '9995', ...expiry },
    outcome: { type: 'declined', code: 'insufficient_funds' },
    description: 'Declined: insufficient funds',
  },
  {
    token: 'pm_card_visa_chargeDeclined',
    number: '4000000000000002',
    card: { brand: 'visa', last4: '0002', ...expiry },
    outcome: { type: 'declined', code: 'card_declined' },
    description: 'Declined',
  },
];

/** The sandbox card of a test token, or `undefined` for anything else. */
export function sandboxCardForToken(token: string): SandboxCard | undefined {
  return SANDBOX_CARDS.find((card) => card.token === token);
}

/**
 * Maps a typed test card number (spaces and dashes allowed) to its sandbox
 * card, in the browser. Any other number — a real card — gives `undefined`,
 * so it is never sent anywhere.
 */
export function sandboxCardForNumber(number: string): SandboxCard | undefined {
  const digits = number.replace(/[\s-]/g, '');
  return SANDBOX_CARDS.find((card) => card.number === digits);
}

/** User-facing words for a declined or failed sandbox payment. */
export const SANDBOX_FAILURE_MESSAGES = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  authentication_failed: 'We could not authenticate your payment method. Choose another one.',
} as const;
