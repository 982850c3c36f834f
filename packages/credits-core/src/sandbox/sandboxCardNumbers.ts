/**
 * Stripe's test card numbers (digits only) by test token: all a browser form needs to turn a
 * typed number into the token it sends. The cards' outcomes and descriptions are in
 * sandboxCards.ts, keyed by the same tokens.
 */
export const SANDBOX_CARD_NUMBERS = {
  pm_card_visa: '4242424242424242',
  pm_card_mastercard: '5555555555554444',
  pm_card_threeDSecure2Required: '4000002760003184',
  pm_card_visa_chargeDeclinedInsufficientFunds: '4000000000009995',
  pm_card_visa_chargeDeclined: '4000000000000002',
} as const;

export type SandboxToken = keyof typeof SANDBOX_CARD_NUMBERS;

/**
 * The test token of a typed test card number (spaces and dashes allowed). Any other number —
 * a real card — gives `undefined`, so it is never sent anywhere.
 */
export function sandboxTokenForNumber(number: string): SandboxToken | undefined {
  const digits = number.replace(/[\s-]/g, '');
  return (Object.keys(SANDBOX_CARD_NUMBERS) as SandboxToken[]).find(
    (token) => SANDBOX_CARD_NUMBERS[token] === digits,
  );
}
