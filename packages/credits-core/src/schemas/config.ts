import * as v from 'valibot';
import { CREDITS_MODES } from './enums.js';
import { currencySchema } from './primitives.js';

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
  events: v.optional(v.boolean(), false),
  autoRecharge: v.optional(v.boolean()),
});

export type CreditsConfig = v.InferOutput<typeof configSchema>;
