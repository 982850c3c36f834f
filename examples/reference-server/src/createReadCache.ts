/**
 * Reads of Stripe shared by every request for the same key: one call in flight at a time
 * (single flight), its answer reused for `ttlMs`, forgotten at once when this instance changes
 * what it read. Bounds the Stripe traffic one account's reads can cause to one call per key
 * per window, whatever the number of requests; another instance's change shows after at most
 * `ttlMs`.
 */
export function createReadCache<T>(ttlMs: number) {
  const entries = new Map<string, { value: Promise<T>; expires: number }>();
  return {
    get(key: string, read: () => Promise<T>): Promise<T> {
      const now = Date.now();
      const entry = entries.get(key);
      if (entry && entry.expires > now) return entry.value;
      const value = read();
      const fresh = { value, expires: Number.POSITIVE_INFINITY };
      entries.set(key, fresh);
      value.then(
        () => {
          fresh.expires = Date.now() + ttlMs;
        },
        () => {
          if (entries.get(key) === fresh) entries.delete(key);
        },
      );
      if (entries.size > 10_000) {
        for (const [stale, { expires }] of entries) if (expires <= now) entries.delete(stale);
      }
      return value;
    },
    forget(key: string) {
      entries.delete(key);
    },
  };
}
