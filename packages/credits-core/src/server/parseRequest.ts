import type * as v from 'valibot';
import { ProblemError } from './problemError.js';
import { searchParamsObject, validateRequest } from './requestValidation.js';

/** A body, validated by the contract's rule for it: a 400 problem naming every wrong field. */
export function parseRequestBody<TSchema extends v.GenericSchema>(
  schema: TSchema,
  body: unknown,
): v.InferOutput<TSchema> {
  const result = validateRequest(schema, body);
  if (result.success) return result.output;
  throw ProblemError.invalidFields('Invalid request body', result.errors);
}

/** The query, validated by the contract's rule for it: a 400 problem naming every wrong parameter. */
export function parseRequestQuery<TSchema extends v.GenericSchema>(
  schema: TSchema,
  url: URL | string,
): v.InferOutput<TSchema> {
  const result = validateRequest(schema, searchParamsObject(new URL(url).searchParams));
  if (result.success) return result.output;
  throw ProblemError.invalidFields('Invalid query parameters', result.errors);
}
