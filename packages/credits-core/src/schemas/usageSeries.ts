import * as v from 'valibot';
import { nonNegativeCreditsSchema, openEnum, timestampSchema } from './primitives.js';
import { websiteSchema } from './website.js';

/** The calendar unit a usage series is bucketed by, in the requested time zone. */
export const USAGE_BUCKETS = ['day', 'week', 'month'] as const;
export type UsageBucketUnit = (typeof USAGE_BUCKETS)[number];
/** The unit an answer says it used: an open enum, like every enum in a response. */
export const usageBucketUnitSchema = openEnum<typeof USAGE_BUCKETS>();

/** One series of a grouped usage series: a website, or `null` for "other" (the rest). */
export const usageSeriesEntrySchema = v.object({
  website: v.nullable(websiteSchema),
  credits: nonNegativeCreditsSchema,
});

/** One bucket: `[start, end)`, clipped to the series' range. */
export const usageBucketSchema = v.object({
  start: timestampSchema,
  end: timestampSchema,
  usage: nonNegativeCreditsSchema,
  purchases: nonNegativeCreditsSchema,
  grants: nonNegativeCreditsSchema,
  byWebsite: v.array(nonNegativeCreditsSchema),
});

/**
 * A usage series. Each bucket's `byWebsite` has one entry per `series` (the document says so;
 * a client reads a missing entry as 0 rather than failing the whole answer).
 */
export const usageSeriesSchema = v.object({
  from: timestampSchema,
  to: timestampSchema,
  bucket: usageBucketUnitSchema,
  timeZone: v.pipe(v.string(), v.minLength(1)),
  series: v.array(usageSeriesEntrySchema),
  buckets: v.array(usageBucketSchema),
  totalUsage: nonNegativeCreditsSchema,
  totalPurchases: nonNegativeCreditsSchema,
  totalGrants: nonNegativeCreditsSchema,
});

export type UsageSeriesEntry = v.InferOutput<typeof usageSeriesEntrySchema>;
export type UsageBucket = v.InferOutput<typeof usageBucketSchema>;
export type UsageSeries = v.InferOutput<typeof usageSeriesSchema>;
