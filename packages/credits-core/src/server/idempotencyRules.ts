import { ProblemError } from './problemError.js';

/** The longest Idempotency-Key a backend accepts (CONTRACT.md, Idempotency). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** The request's Idempotency-Key, or a 400 naming the header when it is missing or too long. */
export function requireIdempotencyKey(key: string | null | undefined): string {
  if (!key || key.length > MAX_IDEMPOTENCY_KEY_LENGTH) {
    throw ProblemError.invalid(
      'Idempotency-Key',
      'Idempotency-Key required',
      `Send a unique Idempotency-Key header (at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters) per attempt.`,
    );
  }
  return key;
}

/** The same key with another request body: 422. */
export const idempotencyKeyReused = () =>
  new ProblemError(
    422,
    'idempotency_key_reused',
    'Idempotency-Key reused',
    'This key was used with a different request body.',
  );

/** The same key while its first request still runs: 409, retry later with the same key. */
export const idempotencyInProgress = () =>
  new ProblemError(
    409,
    'idempotency_in_progress',
    'Request in progress',
    'A request with this key is still running; retry later with the same key.',
  );

/** Answers 4xx are stored with their key and replayed; 5xx and rate limits are not. */
export const isStoredProblem = (error: unknown): error is ProblemError =>
  error instanceof ProblemError && error.status < 500 && error.status !== 429;
