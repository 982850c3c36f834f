import type { Exchange } from './types.js';

/** Thrown by a check: what went wrong, and the exchange that shows it. */
export class CheckFailure extends Error {
  override readonly name = 'CheckFailure';
  constructor(
    message: string,
    readonly exchange?: Exchange,
  ) {
    super(message);
  }
}

/** Thrown by a check that does not apply to this backend (e.g. sandbox checks in live mode). */
export class CheckSkipped extends Error {
  override readonly name = 'CheckSkipped';
}

/** Fails the running check with `message` unless `condition` holds. */
export function ensure(
  condition: unknown,
  message: string,
  exchange?: Exchange,
): asserts condition {
  if (!condition) throw new CheckFailure(message, exchange);
}
