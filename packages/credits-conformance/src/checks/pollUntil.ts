/** Waits `ms` milliseconds. */
export const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Waits for a state on a backend with no clock to move: from `first`, reads again every
 * `everyMs` until `done` holds or `timeoutMs` has passed. Answers the last value read; the
 * caller's assertion on it says what did not happen in time.
 */
export async function pollUntil<T>(
  first: T,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  { timeoutMs, everyMs = 250 }: { timeoutMs: number; everyMs?: number },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = first;
  while (!done(value) && Date.now() < deadline) {
    await pause(everyMs);
    value = await read();
  }
  return value;
}
