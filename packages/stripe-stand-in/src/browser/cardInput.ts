import type { StripeError } from '@stripe/stripe-js';

/** What a person typed into the Payment Element's card form. */
export interface CardValues {
  number: string;
  expiry: string;
  cvc: string;
}

type Field = keyof CardValues;

export interface CardCheck {
  empty: boolean;
  complete: boolean;
  /** The first problem per field, in the Payment Element's own words. */
  errors: Partial<Record<Field, { code: string; message: string }>>;
}

const digits = (text: string) => text.replace(/\D/g, '');

/** The Luhn checksum every card number carries (ISO/IEC 7812-1). */
function luhn(number: string): boolean {
  let sum = 0;
  for (let index = 0; index < number.length; index += 1) {
    let digit = Number(number[number.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** `MM / YY` → month and four-digit year, or undefined while incomplete. */
export function expiryOf(expiry: string): { month: number; year: number } | undefined {
  const value = digits(expiry);
  if (value.length !== 4) return undefined;
  return { month: Number(value.slice(0, 2)), year: 2000 + Number(value.slice(2)) };
}

/**
 * The Payment Element's checks on a card form (https://docs.stripe.com/payments/payment-element,
 * errors shown under each field): number complete and valid, expiry complete and not past, CVC
 * complete. Messages and codes as Stripe.js's `validation_error`s
 * (https://docs.stripe.com/error-codes: incomplete_number, invalid_number, incomplete_expiry,
 * invalid_expiry_year_past, incomplete_cvc).
 */
export function checkCard(values: CardValues, now = new Date()): CardCheck {
  const errors: CardCheck['errors'] = {};
  const number = digits(values.number);
  if (number.length < 16) {
    errors.number = { code: 'incomplete_number', message: 'Your card number is incomplete.' };
  } else if (!luhn(number)) {
    errors.number = { code: 'invalid_number', message: 'Your card number is invalid.' };
  }
  const expiry = expiryOf(values.expiry);
  if (!expiry || expiry.month < 1 || expiry.month > 12) {
    errors.expiry = {
      code: 'incomplete_expiry',
      message: "Your card's expiration date is incomplete.",
    };
  } else if (
    expiry.year < now.getFullYear() ||
    (expiry.year === now.getFullYear() && expiry.month < now.getMonth() + 1)
  ) {
    errors.expiry = {
      code: 'invalid_expiry_year_past',
      message: "Your card's expiration year is in the past.",
    };
  }
  if (digits(values.cvc).length < 3) {
    errors.cvc = { code: 'incomplete_cvc', message: "Your card's security code is incomplete." };
  }
  return {
    empty: !number && !digits(values.expiry) && !digits(values.cvc),
    complete: Object.keys(errors).length === 0,
    errors,
  };
}

/** The first problem as the `validation_error` `elements.submit()` answers with. */
export function validationError(check: CardCheck): StripeError | undefined {
  const first = check.errors.number ?? check.errors.expiry ?? check.errors.cvc;
  return first && { type: 'validation_error', code: first.code, message: first.message };
}

/** `4242424242424242` → `4242 4242 4242 4242`; `1234` → `12 / 34`, as the Element formats them. */
export const formatNumber = (text: string) =>
  digits(text)
    .slice(0, 16)
    .replace(/(\d{4})(?=\d)/g, '$1 ');
export const formatExpiry = (text: string) => {
  const value = digits(text).slice(0, 4);
  return value.length > 2 ? `${value.slice(0, 2)} / ${value.slice(2)}` : value;
};
export const formatCvc = (text: string) => digits(text).slice(0, 4);
