import {
  idempotencyInProgress,
  idempotencyKeyReused,
  ProblemError,
  requireIdempotencyKey,
} from 'credits-core/server';

/** What an operation answers: an HTTP status and a JSON body. */
export interface BackendResult {
  status: number;
  body: unknown;
}

interface IdempotencyRecord {
  fingerprint: string;
  result?: BackendResult;
}

export const clone = <T>(value: T): T => structuredClone(value);

/** Key order does not change what a body means. */
function fingerprint(value: unknown): string {
  return JSON.stringify(value, (_, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/**
 * The contract's Idempotency-Key rule, in memory: same key and body → the stored answer
 * (problems included); another body → 422; still running → 409. Keys are per scope.
 */
export function createIdempotency() {
  const records = new Map<string, IdempotencyRecord>();
  return async function idempotent(
    scope: string,
    key: string | null,
    body: unknown,
    run: () => Promise<BackendResult> | BackendResult,
  ): Promise<BackendResult> {
    requireIdempotencyKey(key);
    const id = `${scope}:${key}`;
    const print = fingerprint(body);
    const existing = records.get(id);
    if (existing) {
      if (existing.fingerprint !== print) throw idempotencyKeyReused();
      if (!existing.result) throw idempotencyInProgress();
      return clone(existing.result);
    }
    const record: IdempotencyRecord = { fingerprint: print };
    records.set(id, record);
    try {
      record.result = await run();
    } catch (error) {
      if (!(error instanceof ProblemError)) {
        records.delete(id);
        throw error;
      }
      record.result = { status: error.status, body: error.toJSON() };
    }
    return clone(record.result);
  };
}

export type Idempotent = ReturnType<typeof createIdempotency>;

/** A 2xx answer, cloned so callers never hold the backend's own objects. */
export const ok = (body: unknown, status = 200): BackendResult => ({ status, body: clone(body) });
