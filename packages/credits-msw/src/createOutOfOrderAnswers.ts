/** outOfOrder: the longest an answer is held waiting for a newer one to go first. */
const OUT_OF_ORDER_MAX_HOLD_MS = 1_000;
/** outOfOrder: how long after the newer answer the held, older one is sent. */
const OUT_OF_ORDER_GAP_MS = 20;

/**
 * The `outOfOrder` scenario: of two reads of one path, the older answer arrives after the newer
 * one (as on a real network), so a client must not let a stale answer overwrite a fresh one.
 */
export function createOutOfOrderAnswers() {
  // GETs seen per path, and the held answer of each path.
  const reads = new Map<string, number>();
  const held = new Map<string, () => void>();

  /** Holds an answer until released, the client aborts, or OUT_OF_ORDER_MAX_HOLD_MS pass. */
  const hold = (path: string, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const release = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', release);
        if (held.get(path) === release) held.delete(path);
        resolve();
      };
      const timer = setTimeout(release, OUT_OF_ORDER_MAX_HOLD_MS);
      signal.addEventListener('abort', release, { once: true });
      held.set(path, release);
    });

  /** Sends `response` to a read of `path` in this scenario's order. */
  return async function answerInOrder(path: string, signal: AbortSignal, response: Response) {
    const seen = (reads.get(path) ?? 0) + 1;
    reads.set(path, seen);
    if (seen % 2 === 0) {
      await hold(path, signal);
      return response;
    }
    // A newer answer goes out now; the older one held for this path follows it.
    const older = held.get(path);
    if (older) {
      held.delete(path);
      setTimeout(older, OUT_OF_ORDER_GAP_MS);
    }
    return response;
  };
}
