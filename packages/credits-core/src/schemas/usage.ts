import * as v from 'valibot';
import { nonNegativeCreditsSchema, timestampSchema } from './primitives.js';
import { websiteSchema } from './website.js';

export const websiteUsageSchema = v.object({
  website: websiteSchema,
  credits: nonNegativeCreditsSchema,
  transactionCount: v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
});

export const usageByWebsiteSchema = v.object({
  from: timestampSchema,
  to: timestampSchema,
  totalCredits: nonNegativeCreditsSchema,
  data: v.array(websiteUsageSchema),
  /** The next page's cursor (pass it as `cursor`), `null` on the last page. Older backends send none. */
  nextCursor: v.nullish(v.pipe(v.string(), v.minLength(1))),
});

export type WebsiteUsage = v.InferOutput<typeof websiteUsageSchema>;
export type UsageByWebsite = v.InferOutput<typeof usageByWebsiteSchema>;
