import * as v from 'valibot';
import { CreditsResponseError } from './CreditsError.js';

export type ParseResult<T> =
  | { success: true; output: T }
  | { success: false; error: CreditsResponseError };

/**
 * Validates an untrusted value (a decoded response body) against a contract
 * schema. Pure: never throws, never mutates its input. Unknown fields are
 * dropped; unknown values of open enums are kept as strings.
 */
export function parseWith<TSchema extends v.GenericSchema>(
  schema: TSchema,
  input: unknown,
): ParseResult<v.InferOutput<TSchema>> {
  const result = v.safeParse(schema, input);
  if (result.success) return { success: true, output: result.output };
  const issue = result.issues[0];
  const path = v.getDotPath(issue) ?? '';
  const where = path === '' ? 'the response body' : `\`${path}\``;
  return {
    success: false,
    error: new CreditsResponseError(`Invalid response: ${where}: ${issue.message}`, {
      path,
      // Where and what, never the offending values themselves: they can be megabytes.
      cause: result.issues.slice(0, 10).map((each) => ({
        path: v.getDotPath(each) ?? '',
        expected: each.expected,
      })),
    }),
  };
}
