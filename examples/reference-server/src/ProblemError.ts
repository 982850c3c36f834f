import type { FieldError } from 'credits-core/server';

/** An RFC 9457 problem the server answers with. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    /** Extra response headers (`Retry-After` on a 429). */
    readonly headers?: Record<string, string>,
    /** For `validation_failed`: the fields that are wrong (CONTRACT.md, Errors). */
    readonly errors?: readonly FieldError[],
  ) {
    super(`${status} ${code}: ${detail ?? title}`);
  }

  /** A 400 `validation_failed` naming the one field (`limit`, `Idempotency-Key`, …) at fault. */
  static invalid(path: string, title: string, detail?: string): ProblemError {
    return new ProblemError(400, 'validation_failed', title, detail, undefined, [
      { path, message: detail ?? title },
    ]);
  }

  /** A 400 `validation_failed` listing every field that is wrong. */
  static invalidFields(title: string, errors: readonly FieldError[]): ProblemError {
    const [first] = errors;
    const detail = first ? `${first.path || 'body'}: ${first.message}` : undefined;
    return new ProblemError(400, 'validation_failed', title, detail, undefined, errors);
  }

  toJSON() {
    // Every validation_failed names what is wrong; '' is the request as a whole.
    const errors =
      this.errors ??
      (this.code === 'validation_failed' ? [{ path: '', message: this.detail ?? this.title }] : []);
    return {
      type: 'about:blank',
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(errors.length > 0 ? { errors } : {}),
    };
  }
}
