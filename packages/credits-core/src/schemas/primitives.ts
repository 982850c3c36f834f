import * as v from 'valibot';

/** A non-empty opaque identifier chosen by the backend. */
export const idSchema = v.pipe(v.string(), v.minLength(1));

/** An ISO 8601 timestamp with a UTC offset, e.g. `2026-11-24T09:30:00Z`. */
export const timestampSchema = v.pipe(v.string(), v.isoTimestamp());

/** A signed whole number of credits (safe integer: |n| ≤ 2^53 − 1). */
export const creditsSchema = v.pipe(v.number(), v.safeInteger());

/** A whole, non-negative number of credits. */
export const nonNegativeCreditsSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0));

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
