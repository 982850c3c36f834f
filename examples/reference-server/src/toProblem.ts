import { HTTPException } from 'hono/http-exception';
import { ProblemError } from './ProblemError.js';

/** PostgreSQL's SQLSTATE for a statement cancelled by `statement_timeout` (query_canceled). */
const QUERY_CANCELED = '57014';

const sqlState = (error: unknown): string | undefined => {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
};

/**
 * The problem an error answers with: ours as they are; the request deadline (Hono's timeout
 * middleware) and a statement over `statement_timeout` (drizzle wraps pg's error in `cause`)
 * as 503 `service_unavailable` with Retry-After, which clients retry; anything else 500.
 */
export function toProblem(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  if (
    (error instanceof HTTPException && error.status === 504) ||
    sqlState(error) === QUERY_CANCELED
  )
    return new ProblemError(
      503,
      'service_unavailable',
      'The request took too long',
      'Try again in a moment.',
      { 'Retry-After': '1' },
    );
  if (error instanceof HTTPException)
    return new ProblemError(error.status, 'validation_failed', error.message || 'Bad request');
  return new ProblemError(500, 'internal_error', 'Internal server error');
}
