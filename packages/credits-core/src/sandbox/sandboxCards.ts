import type { KnownServerErrorCode } from '../schemas/enums.js';
import type { CardDetails } from '../schemas/paymentMethod.js';
import {
  SANDBOX_CARD_NUMBERS,
  type SandboxToken,
  sandboxTokenForNumber,
} from './sandboxCardNumbers.js';

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

type CardRow = [token: SandboxToken, brand: string, outcome: SandboxOutcome, description: string];

/**
 * The one truth about sandbox payments, shared by credits-msw, the React
 * sandbox form and credits-server: Stripe's test cards and tokens. Each card's number is
 * SANDBOX_CARD_NUMBERS', its display details come from the number (the last four digits) and
 * one far-off expiry, so a card is never shown with digits it does not have.
 */
export const SANDBOX_CARDS: readonly SandboxCard[] = (
  [
    ['pm_card_visa', 'visa', { type: 'succeeded' }, 'Succeeds'],
    ['pm_card_mastercard', 'mastercard', { type: 'succeeded' }, 'Succeeds (Mastercard)'],
    [
      'pm_card_threeDSecure2Required',
      'visa',
      { type: 'requires_action' },
      'Asks for 3D Secure on every payment',
    ],
    [
      'pm_card_visa_chargeDeclinedInsufficientFunds',
      'visa',
      { type: 'declined', code: 'insufficient_funds' },
      'Declined: insufficient funds',
    ],
    [
      'pm_card_visa_chargeDeclined',
      'visa',
      { type: 'declined', code: 'card_declined' },
      'Declined',
    ],
  ] satisfies CardRow[]
).map(([token, brand, outcome, description]: CardRow) => {
  const number = SANDBOX_CARD_NUMBERS[token];
  return {
    token,
    number,
    card: { brand, last4: number.slice(-4), expMonth: 12, expYear: 2034 },
    outcome,
    description,
  };
});

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
  return sandboxCardForToken(sandboxTokenForNumber(number) ?? '');
}

/** User-facing words for a declined or failed sandbox payment. */
export const SANDBOX_FAILURE_MESSAGES = {
  card_declined: 'Your card was declined.',
  insufficient_funds: 'Your card has insufficient funds.',
  authentication_failed: 'We could not authenticate your payment method. Choose another one.',
} as const;
