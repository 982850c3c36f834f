import type { Problem, ServerErrorCode } from './schemas/problem.js';

/** Error codes produced by the client itself, not sent by a backend. */
export type ClientErrorCode =
  | 'network_error'
  | 'timeout'
  | 'aborted'
  | 'invalid_response'
  | 'http_error';

/** Every code a `CreditsError` can carry: the backend's (open list) and the client's. */
export type CreditsErrorCode = ClientErrorCode | ServerErrorCode;

export interface CreditsErrorOptions {
  cause?: unknown;
  /** HTTP status, when a response arrived. */
  status?: number;
  /** The Idempotency-Key of the attempt: retry with the same key to never pay twice. */
  idempotencyKey?: string;
}

/**
 * The longest `message` an error carries. Messages quote the backend (a field's
 * value, a problem's title and detail, a header), so they are cut here: no
 * response, however large, can put megabytes into the host's logs. The full
 * data stays on the error (`cause`, `problem`).
 */
const MAX_MESSAGE_LENGTH = 1000;

/**
 * The one error type the credits client throws. Branch on `code`, which is
 * stable across versions; `message` is for logs, not for users.
 */
export class CreditsError extends Error {
  override readonly name: string = 'CreditsError';
  readonly code: CreditsErrorCode;
  readonly status: number | undefined;
  readonly idempotencyKey: string | undefined;

  constructor(code: CreditsErrorCode, message: string, options: CreditsErrorOptions = {}) {
    super(
      message.slice(0, MAX_MESSAGE_LENGTH),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.code = code;
    this.status = options.status;
    this.idempotencyKey = options.idempotencyKey;
  }
}

/** The request never got a response: offline, DNS, connection reset, or `timeout`. */
export class CreditsNetworkError extends CreditsError {
  override readonly name = 'CreditsNetworkError';
  declare readonly code: 'network_error' | 'timeout';
}

/** The caller aborted the request through its `AbortSignal`. */
export class CreditsAbortError extends CreditsError {
  override readonly name = 'CreditsAbortError';
  declare readonly code: 'aborted';
}

/** The backend answered with an error status; `problem` holds its RFC 9457 body when valid. */
export class CreditsHttpError extends CreditsError {
  override readonly name: string = 'CreditsHttpError';
  declare readonly status: number;
  readonly problem: Problem | null;
  /** How long the backend asked us to wait (`Retry-After`), in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    code: CreditsErrorCode,
    message: string,
    options: CreditsErrorOptions & {
      status: number;
      problem: Problem | null;
      retryAfterMs?: number | undefined;
    },
  ) {
    super(code, message, options);
    this.problem = options.problem;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** 401 (`unauthenticated`) or 403 (`forbidden`). */
export class CreditsAuthError extends CreditsHttpError {
  override readonly name = 'CreditsAuthError';
  declare readonly code: 'unauthenticated' | 'forbidden';
}

/** A response arrived but does not match the contract; `path` names the first bad field. */
export class CreditsResponseError extends CreditsError {
  override readonly name = 'CreditsResponseError';
  declare readonly code: 'invalid_response';
  /** Dot path of the offending field (`data.3.amount`), or `''` for the whole body. */
  readonly path: string;

  constructor(message: string, options: CreditsErrorOptions & { path: string }) {
    super('invalid_response', message, options);
    this.path = options.path;
  }
}

export function isCreditsError(value: unknown): value is CreditsError {
  return value instanceof CreditsError;
}
