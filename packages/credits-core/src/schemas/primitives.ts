import * as v from 'valibot';

/** A non-empty opaque identifier chosen by the backend. */
export const idSchema = v.pipe(v.string(), v.minLength(1));

/** The longest id a request may carry (a package, a payment method, a test token). */
export const MAX_ID_LENGTH = 255;

/**
 * An id in a request body: at most MAX_ID_LENGTH characters. Marked pure: the browser client
 * never validates a request, so its bundle drops this schema (and valibot's `maxLength`).
 */
export const requestIdSchema = /* @__PURE__ */ v.pipe(
  idSchema,
  /* @__PURE__ */ v.maxLength(MAX_ID_LENGTH),
);

const TIMESTAMP =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An RFC 3339 `date-time`: a real calendar date (no 2026-02-31), a time, and an
 * offset written `Z` or `±hh:mm`. Looser ISO 8601 forms (`+01`, a space before the
 * offset, no offset) are rejected: browsers parse them differently or not at all.
 */
export function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
  return Number(match[3]) <= days;
}

/** A timestamp with an offset, e.g. `2026-11-24T09:30:00Z` (see `isTimestamp`). */
export const timestampSchema = v.pipe(
  v.string(),
  v.check(isTimestamp, 'Invalid timestamp: expected an RFC 3339 date-time with an offset'),
);

/** A signed whole number of credits (safe integer: |n| ≤ 2^53 − 1). */
export const creditsSchema = v.pipe(v.number(), v.safeInteger());

/** A whole, non-negative number of credits. */
export const nonNegativeCreditsSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

/**
 * The account's ledger sequence number: 0 before its first row, then +1 for every row, with no
 * gap. A whole, non-negative number, checked as a credit count is (one schema for both).
 */
export const ledgerSeqSchema = nonNegativeCreditsSchema;

/** A whole, positive number of credits. */
export const positiveCreditsSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(1));

/** ISO 4217 alphabetic currency code, upper case (`USD`, `JPY`, `KWD`). */
export const currencySchema = v.pipe(v.string(), v.regex(/^[A-Z]{3}$/));

/**
 * An enum the backend may extend in a minor version. Known values are typed;
 * unknown values are kept as plain strings instead of failing validation, so an
 * older client keeps working against a newer backend. Since every string is
 * valid at runtime, the known values stay out of the validator (and out of the
 * client's bundle): they live in the exported `*_STATUSES`/`*_TYPES` lists,
 * which the OpenAPI generator lists as the documented values.
 */
/* @__NO_SIDE_EFFECTS__ */
export function openEnum<const TKnown extends readonly [string, ...string[]]>() {
  return v.string() as v.GenericSchema<string, TKnown[number] | (string & {})>;
}
