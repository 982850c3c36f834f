import { expect } from 'vitest';
import { CreditsError } from '../src/index';

/** Awaits a call that must fail, and asserts it failed with a typed `CreditsError`. */
export async function rejection<TError extends CreditsError = CreditsError>(
  promise: Promise<unknown>,
): Promise<TError> {
  const reason = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(CreditsError);
  return reason as TError;
}
