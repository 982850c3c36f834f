import { describe, expect, it } from 'vitest';
import {
  SANDBOX_CARD_NUMBERS,
  SANDBOX_CARDS,
  sandboxCardForNumber,
  sandboxCardForToken,
  sandboxTokenForNumber,
} from '../src/sandbox/index';

describe('sandbox test cards', () => {
  it('maps Stripe’s test card numbers to their test tokens, however they are typed', () => {
    expect(sandboxCardForNumber('4242 4242 4242 4242')?.token).toBe('pm_card_visa');
    expect(sandboxCardForNumber('4000-0027-6000-3184')?.token).toBe(
      'pm_card_threeDSecure2Required',
    );
    expect(sandboxCardForNumber('4000000000009995')?.token).toBe(
      'pm_card_visa_chargeDeclinedInsufficientFunds',
    );
    expect(sandboxCardForNumber('4000 0000 0000 0002')?.token).toBe('pm_card_visa_chargeDeclined');
  });

  it('refuses every other number, so a real card is never sent anywhere', () => {
    expect(sandboxCardForNumber('4111 1111 1111 1111')).toBeUndefined();
    expect(sandboxCardForNumber('')).toBeUndefined();
    expect(sandboxTokenForNumber('4111 1111 1111 1111')).toBeUndefined();
    expect(sandboxTokenForNumber('')).toBeUndefined();
  });

  it('the browser’s number → token table (all a form ships) is the cards’ own: one card per token, the same number', () => {
    expect(sandboxTokenForNumber('4000 0027 6000 3184')).toBe('pm_card_threeDSecure2Required');
    expect(SANDBOX_CARDS.map((card) => card.token)).toEqual(Object.keys(SANDBOX_CARD_NUMBERS));
    for (const card of SANDBOX_CARDS) {
      expect(sandboxTokenForNumber(card.number)).toBe(card.token);
      expect(sandboxCardForNumber(card.number)).toBe(card);
    }
  });

  it('gives each token Stripe’s outcome', () => {
    expect(sandboxCardForToken('pm_card_visa')?.outcome).toEqual({ type: 'succeeded' });
    expect(sandboxCardForToken('pm_card_threeDSecure2Required')?.outcome).toEqual({
      type: 'requires_action',
    });
    expect(sandboxCardForToken('pm_card_visa_chargeDeclinedInsufficientFunds')?.outcome).toEqual({
      type: 'declined',
      code: 'insufficient_funds',
    });
    expect(sandboxCardForToken('pm_card_visa_chargeDeclined')?.outcome).toEqual({
      type: 'declined',
      code: 'card_declined',
    });
    expect(sandboxCardForToken('tok_unknown')).toBeUndefined();
  });

  it('every card’s last4 matches its number, and numbers pass the Luhn check', () => {
    for (const card of SANDBOX_CARDS) {
      expect(card.number.endsWith(card.card.last4)).toBe(true);
      const sum = [...card.number]
        .reverse()
        .map(Number)
        .reduce((total, digit, index) => {
          if (index % 2 === 0) return total + digit;
          const doubled = digit * 2;
          return total + (doubled > 9 ? doubled - 9 : doubled);
        }, 0);
      expect(sum % 10, card.number).toBe(0);
    }
  });
});
