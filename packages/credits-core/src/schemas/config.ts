import * as v from 'valibot';
import { currencySchema } from './primitives.js';

/** `test`: sandbox payments are available; `live`: real charges only. */
export const CREDITS_MODES = ['test', 'live'] as const;
export type CreditsMode = (typeof CREDITS_MODES)[number];

export const limitsSchema = v.object({
  maxPageSize: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  defaultPageSize: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
});

export const configSchema = v.object({
  apiVersion: v.pipe(v.string(), v.regex(/^\d+\.\d+$/)),
  mode: v.picklist(CREDITS_MODES),
  stripePublishableKey: v.nullish(v.pipe(v.string(), v.minLength(1))),
  currency: currencySchema,
  limits: limitsSchema,
});

export type CreditsConfig = v.InferOutput<typeof configSchema>;
