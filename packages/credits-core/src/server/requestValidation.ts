import * as v from 'valibot';
import { timestampSchema } from '../schemas/primitives.js';
import { MAX_SEARCH_LENGTH } from '../searchLimit.js';

/**
 * What a backend accepts, for the backends (the reference server and credits-msw) and the
 * OpenAPI document; clients never bundle it. Each rule here is the one the document states.
 */

export { MAX_SEARCH_LENGTH };

const wholeNumber = 'must be a whole number ≥ 1';

/** The query of `GET /transactions`, as URL text (see `searchParamsObject`). */
export const transactionQuerySchema = v.object({
  limit: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, wholeNumber),
      v.transform(Number),
      v.minValue(1, wholeNumber),
    ),
  ),
  cursor: v.optional(v.string()),
  type: v.optional(v.array(v.string()), []),
  websiteId: v.optional(v.string()),
  from: v.optional(timestampSchema),
  to: v.optional(timestampSchema),
  search: v.optional(
    v.pipe(
      v.string(),
      v.maxLength(MAX_SEARCH_LENGTH, `must be at most ${MAX_SEARCH_LENGTH} characters`),
    ),
  ),
});

/** The query of `GET /usage/websites`. */
export const usageQuerySchema = v.object({
  from: v.optional(timestampSchema),
  to: v.optional(timestampSchema),
});

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
