import * as v from 'valibot';
import type { SERVER_ERROR_CODES } from './enums.js';
import { openEnum } from './primitives.js';

export const errorCodeSchema = openEnum<typeof SERVER_ERROR_CODES>();
export type ServerErrorCode = v.InferOutput<typeof errorCodeSchema>;

/** RFC 9457 problem details, extended with a stable `code`. */
export const problemSchema = v.object({
  type: v.optional(v.string(), 'about:blank'),
  title: v.string(),
  status: v.pipe(v.number(), v.safeInteger(), v.minValue(400), v.maxValue(599)),
  code: errorCodeSchema,
  detail: v.nullish(v.string()),
  instance: v.nullish(v.string()),
  errors: v.nullish(v.array(v.object({ path: v.string(), message: v.string() }))),
});

export type Problem = v.InferOutput<typeof problemSchema>;
