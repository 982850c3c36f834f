import * as v from 'valibot';
import { currencySchema } from './primitives.js';

/**
 * An amount of money as an integer count of the currency's minor unit
 * (cents for USD, yen for JPY, fils — 1/1000 — for KWD). Never a float.
 */
export const moneySchema = v.object({
  amount: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
  currency: currencySchema,
});

export type Money = v.InferOutput<typeof moneySchema>;
