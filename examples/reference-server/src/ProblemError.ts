/** An RFC 9457 problem the server answers with. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    /** Extra response headers (`Retry-After` on a 429). */
    readonly headers?: Record<string, string>,
  ) {
    super(`${status} ${code}: ${detail ?? title}`);
  }

  toJSON() {
    return {
      type: 'about:blank',
      title: this.title,
      status: this.status,
      code: this.code,
      ...(this.detail ? { detail: this.detail } : {}),
    };
  }
}
