import * as v from 'valibot';
import { atMost, MAX_WEBSITE_ID_LENGTH } from './requestValidation.js';

/** The longest website id, name and URL, and usage description, the backends store. */
export const FIELD_LIMITS = {
  websiteId: MAX_WEBSITE_ID_LENGTH,
  websiteName: 200,
  websiteUrl: 2_048,
  description: 500,
} as const;

/**
 * The usage API beside the contract (`POST /usage`, for the host's own backend): spend
 * credits, attributed to a website. Both backends validate it with this schema.
 */
export const usageBodySchema = v.object({
  credits: v.pipe(v.number(), v.safeInteger(), v.minValue(1)),
  description: v.pipe(v.string(), v.minLength(1), atMost(FIELD_LIMITS.description)),
  websiteId: v.optional(v.pipe(v.string(), atMost(FIELD_LIMITS.websiteId))),
  websiteName: v.optional(v.pipe(v.string(), atMost(FIELD_LIMITS.websiteName))),
  websiteUrl: v.optional(v.pipe(v.string(), atMost(FIELD_LIMITS.websiteUrl))),
});
