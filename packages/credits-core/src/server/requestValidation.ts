import * as v from 'valibot';
import { MAX_ID_LENGTH, timestampSchema } from '../schemas/primitives.js';
import { USAGE_BUCKETS } from '../schemas/usageSeries.js';
import { MAX_SEARCH_LENGTH } from '../searchLimit.js';

/**
 * What a backend accepts, for the backends (credits-server and credits-msw) and the
 * OpenAPI document; clients never bundle it. Each rule here is the one the document states.
 */

export { MAX_ID_LENGTH, MAX_SEARCH_LENGTH };

const wholeNumber = 'must be a whole number ≥ 1';

/** The longest cursor, transaction type and website id a backend accepts. */
export const MAX_CURSOR_LENGTH = 512;
export const MAX_TYPE_LENGTH = 64;
export const MAX_WEBSITE_ID_LENGTH = 128;

/** A string's maxLength, with the message every backend answers. */
export const atMost = (limit: number) =>
  v.maxLength<string, number, string>(limit, `must be at most ${limit} characters`);

/** The years a timestamp in a request may fall in (in UTC): what PostgreSQL and Date both store. */
export const REQUEST_YEARS = { min: 1000, max: 9999 } as const;

/** An RFC 3339 timestamp within REQUEST_YEARS (PostgreSQL has no year 0; Date none past 275760). */
export const requestTimestampSchema = v.pipe(
  timestampSchema,
  v.check((value) => {
    const year = new Date(value).getUTCFullYear();
    return year >= REQUEST_YEARS.min && year <= REQUEST_YEARS.max;
  }, `must fall in the years ${REQUEST_YEARS.min} to ${REQUEST_YEARS.max} (UTC)`),
);

/** A page of a list: `limit` (a whole number ≥ 1; backends clamp it) and the previous page's `cursor`. */
const pageEntries = {
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, wholeNumber),
      v.transform(Number),
      v.minValue(1, wholeNumber),
    ),
  ),
  cursor: v.optional(v.pipe(v.string(), atMost(MAX_CURSOR_LENGTH))),
};

/** The query of `GET /transactions`, as URL text (see `searchParamsObject`). */
export const transactionQuerySchema = v.object({
  ...pageEntries,
  type: v.optional(v.array(v.pipe(v.string(), atMost(MAX_TYPE_LENGTH))), []),
  websiteId: v.optional(v.pipe(v.string(), atMost(MAX_WEBSITE_ID_LENGTH))),
  from: v.optional(requestTimestampSchema),
  to: v.optional(requestTimestampSchema),
  search: v.optional(v.pipe(v.string(), atMost(MAX_SEARCH_LENGTH))),
});

/** The query of `GET /usage/websites`: the period, and a page of the ranking (like the history). */
export const usageQuerySchema = v.object({
  from: v.optional(requestTimestampSchema),
  to: v.optional(requestTimestampSchema),
  ...pageEntries,
});

/** The limits of `GET /usage/series`: its range, buckets and top-N. */
export const USAGE_SERIES_LIMITS = {
  /** The longest range, in days (about three years of months). */
  maxRangeDays: 1100,
  /** The most buckets one answer has (a year and a month of days). */
  maxBuckets: 400,
  /** The most websites with a series of their own; the rest are "other". */
  maxTop: 20,
  defaultTop: 5,
} as const;

/** An IANA time zone name this runtime knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(value: string): boolean {
  if (value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const DAY_MS = 86_400_000;

/** The query of `GET /usage/series` (the bucket count is checked when the buckets are laid out). */
export const usageSeriesQuerySchema = v.pipe(
  v.object({
    from: requestTimestampSchema,
    to: requestTimestampSchema,
    bucket: v.optional(
      v.picklist(USAGE_BUCKETS, `must be one of ${USAGE_BUCKETS.join(', ')}`),
      'day',
    ),
    timeZone: v.optional(
      v.pipe(v.string(), v.check(isTimeZone, 'must be an IANA time zone name')),
      'UTC',
    ),
    groupBy: v.optional(v.picklist(['website'], 'must be website')),
    top: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d+$/, wholeNumber),
        v.transform(Number),
        v.minValue(1, wholeNumber),
        v.maxValue(USAGE_SERIES_LIMITS.maxTop, `must be at most ${USAGE_SERIES_LIMITS.maxTop}`),
      ),
      String(USAGE_SERIES_LIMITS.defaultTop),
    ),
  }),
  v.forward(
    v.partialCheck(
      [['from'], ['to']],
      (input) => Date.parse(input.from) < Date.parse(input.to),
      'must be after from',
    ),
    ['to'],
  ),
  v.forward(
    v.partialCheck(
      [['from'], ['to']],
      (input) =>
        Date.parse(input.to) - Date.parse(input.from) <= USAGE_SERIES_LIMITS.maxRangeDays * DAY_MS,
      `must be at most ${USAGE_SERIES_LIMITS.maxRangeDays} days after from`,
    ),
    ['to'],
  ),
);

/** One entry of a `validation_failed` problem's `errors[]`: which field, and what is wrong. */
export interface FieldError {
  path: string;
  message: string;
}

export type RequestValidation<T> =
  | { success: true; output: T }
  | { success: false; errors: FieldError[] };

/** Validates a request's body or query; on failure, every field that is wrong, by name. */
export function validateRequest<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): RequestValidation<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { success: true, output: result.output };
  return {
    success: false,
    errors: result.issues.map((issue) => ({
      path: v.getDotPath(issue) ?? '',
      message: issue.message,
    })),
  };
}

/** URL search parameters as the schemas above read them: empty values are absent, `repeated` ones are arrays. */
export function searchParamsObject(
  params: URLSearchParams,
  repeated: readonly string[] = ['type'],
): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const name of new Set(params.keys())) {
    const values = params.getAll(name).filter((value) => value !== '');
    if (repeated.includes(name)) result[name] = values;
    else if (values[0] !== undefined) result[name] = values[0];
  }
  return result;
}

/** A JSON media type (`application/json`, `application/problem+json`, with parameters). */
const isJsonMediaType = (contentType: string | null | undefined) =>
  /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(contentType ?? '');

/** The parts of a problem a backend answers with. */
export interface RequestProblem {
  status: number;
  code: 'validation_failed';
  title: string;
  detail: string;
  errors: FieldError[];
}

/**
 * A request body must be sent as JSON: anything else (`text/plain`, which a page on another
 * site can send with the user's cookies and no preflight) is a 415 and is never parsed.
 * Returns that problem, or `undefined` for a JSON body.
 */
export function mediaTypeProblem(
  contentType: string | null | undefined,
): RequestProblem | undefined {
  if (isJsonMediaType(contentType)) return undefined;
  return {
    status: 415,
    code: 'validation_failed',
    title: 'Unsupported media type',
    detail: `Send the body as application/json, not ${contentType || 'without a Content-Type'}.`,
    errors: [{ path: 'Content-Type', message: 'must be application/json' }],
  };
}
