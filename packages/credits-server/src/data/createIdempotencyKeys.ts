import { createHash } from 'node:crypto';
import {
  idempotencyKeyReused,
  idempotencyInProgress as inProgress,
  isStoredProblem as isStored,
  type ProblemError,
  requireIdempotencyKey as requireKey,
} from 'credits-core/server';
import { sql } from 'drizzle-orm';
import type { CreditsService, NewLedgerRow } from '../createCreditsService.js';
import { isUniqueViolation } from './uniqueViolation.js';

/** An HTTP answer as stored with its Idempotency-Key and replayed. */
export interface Outcome {
  status: number;
  body: unknown;
}

/** The request body's fingerprint: same key with another body → 422. */
export const fingerprint = (value: unknown) =>
  createHash('sha256')
    .update(
      JSON.stringify(value, (_, inner: unknown) =>
        inner && typeof inner === 'object' && !Array.isArray(inner)
          ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
          : inner,
      ) ?? '',
    )
    .digest('hex');

const answerOf = (problem: ProblemError): Outcome => ({
  status: problem.status,
  body: problem.toJSON(),
});

/**
 * Idempotency-Key in atomic phases (Stripe's design, after Brandur Leach's "Implementing
 * Stripe-like idempotency keys in Postgres"). Same key + body → the stored response; another
 * body → 422; still running → 409.
 *
 * - Usage debits touch nothing but our database, so the key, the debit and the stored response
 *   are one statement (`spendOnce`): a failure anywhere leaves either all or nothing, and a
 *   crash leaves no key behind.
 * - Purchases and SetupIntents call Stripe, which no database transaction can undo. The key is
 *   claimed ('running', locked_at), the effect runs, the response is stored ('done'). The effect
 *   is safe to run again for the same key (one purchase row per key, Stripe idempotency keys
 *   derived from it), so a key whose effect failed is never deleted: its lock is released for an
 *   immediate retry, and the lock of a request that crashed expires after `lockTimeoutMs`.
 */
export function createIdempotencyKeys(
  service: CreditsService,
  options: { lockTimeoutMs?: number } = {},
) {
  const lockTimeoutMs = options.lockTimeoutMs ?? 60_000;
  const expired = sql`(idempotency_keys.locked_at IS NULL OR idempotency_keys.locked_at < now() - ${lockTimeoutMs}::integer * interval '1 millisecond')`;

  /** A key that exists: its stored answer, 422 or 409; or whether it is missing or its lock expired. */
  async function existing(
    account: string,
    scope: string,
    key: string,
    print: string,
  ): Promise<Outcome | 'missing' | 'expired'> {
    const [row] = await service.rows(
      sql`SELECT fingerprint, state, status_code, response, ${expired} AS expired
      FROM idempotency_keys WHERE account_id = ${account} AND scope = ${scope} AND key = ${key}`,
    );
    if (!row) return 'missing';
    if (row.fingerprint !== print) throw idempotencyKeyReused();
    if (row.state === 'done')
      return { status: Number(row.status_code), body: JSON.parse(String(row.response)) as unknown };
    if (row.expired) return 'expired';
    throw inProgress();
  }

  /** Takes the key's lock: a new key, or a 'running' one released or expired. Else its answer. */
  async function claim(
    account: string,
    scope: string,
    key: string,
    print: string,
  ): Promise<Outcome | undefined> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const taken = await service.rows(
        sql`INSERT INTO idempotency_keys (account_id, scope, key, fingerprint, state, locked_at)
        VALUES (${account}, ${scope}, ${key}, ${print}, 'running', now())
        ON CONFLICT (account_id, scope, key) DO UPDATE SET locked_at = now()
          WHERE idempotency_keys.state = 'running' AND idempotency_keys.fingerprint = EXCLUDED.fingerprint AND ${expired}
        RETURNING key`,
      );
      if (taken.length) return undefined;
      const found = await existing(account, scope, key, print);
      if (typeof found === 'object') return found;
    }
    throw inProgress();
  }

  /** Releases a claimed key's lock: a retry with the key re-runs the (re-runnable) effect at once. */
  const release = (account: string, scope: string, key: string) =>
    service.rows(
      sql`UPDATE idempotency_keys SET locked_at = NULL
      WHERE account_id = ${account} AND scope = ${scope} AND key = ${key} AND state = 'running' RETURNING key`,
    );

  /**
   * For effects outside the database (Stripe). `effect` must be safe to run again with the same
   * key: it may have committed, fully or in part, before any failure this function sees.
   */
  async function run(
    account: string,
    scope: string,
    keyHeader: string | undefined,
    request: unknown,
    effect: () => Promise<Outcome>,
  ): Promise<Outcome> {
    const key = requireKey(keyHeader);
    const print = fingerprint(request);
    const replay = await claim(account, scope, key, print);
    if (replay) return replay;
    let result: Outcome;
    try {
      result = await effect();
    } catch (error) {
      if (!isStored(error)) {
        // Released, not deleted: the fingerprint stays bound, and the retry finds what committed.
        // If even this fails, the lock expires after lockTimeoutMs.
        await release(account, scope, key).catch(() => undefined);
        throw error;
      }
      result = answerOf(error);
    }
    try {
      const stored =
        await service.rows(sql`UPDATE idempotency_keys SET state = 'done', status_code = ${result.status}, response = ${JSON.stringify(result.body)}, locked_at = NULL
        WHERE account_id = ${account} AND scope = ${scope} AND key = ${key} AND state = 'running' RETURNING key`);
      if (stored.length === 0) {
        // Our lock expired and a retry finished first: answer as it did, so every answer agrees.
        const found = await existing(account, scope, key, print);
        if (typeof found === 'object') return found;
      }
    } catch (error) {
      await release(account, scope, key).catch(() => undefined);
      throw error;
    }
    return result;
  }

  /** Stores a refusal (4xx) under a new key; false if the key exists. */
  async function storeRefusal(
    account: string,
    scope: string,
    key: string,
    print: string,
    refusal: Outcome,
  ): Promise<boolean> {
    const stored =
      await service.rows(sql`INSERT INTO idempotency_keys (account_id, scope, key, fingerprint, state, status_code, response, locked_at)
      VALUES (${account}, ${scope}, ${key}, ${print}, 'done', ${refusal.status}, ${JSON.stringify(refusal.body)}, NULL)
      ON CONFLICT DO NOTHING RETURNING key`);
    return stored.length > 0;
  }

  /**
   * A usage debit, exactly once per key: one statement claims the key, debits, writes the ledger
   * row and stores the response (CreditsService.spendOnce). Refusals (invalid body, not enough
   * credits) are stored like any 4xx.
   */
  async function spend(
    account: string,
    keyHeader: string | undefined,
    request: unknown,
    toEntry: () => Omit<NewLedgerRow, 'type' | 'purchaseId'>,
  ): Promise<Outcome> {
    const key = requireKey(keyHeader);
    const scope = 'usage';
    const print = fingerprint(request);
    let entry: Omit<NewLedgerRow, 'type' | 'purchaseId'> | undefined;
    let invalid: Outcome | undefined;
    try {
      entry = toEntry();
    } catch (error) {
      if (!isStored(error)) throw error;
      invalid = answerOf(error);
    }
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        if (entry) {
          const row = await service.spendOnce(account, { scope, key, fingerprint: print }, entry);
          if (row) return { status: 201, body: row };
        }
        const refusal = invalid ?? answerOf(await service.refusal(account, entry!.amount));
        if (await storeRefusal(account, scope, key, print, refusal)) return refusal;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      // The key exists: nothing was debited by this request. Answer from it.
      const found = await existing(account, scope, key, print);
      if (typeof found === 'object') return found;
      if (found === 'expired') {
        // A 'running' usage key is left by a crash of a server before atomic usage keys (the
        // debit never shares a statement with it otherwise): once expired, it is dropped.
        await service.rows(
          sql`DELETE FROM idempotency_keys WHERE account_id = ${account} AND scope = ${scope} AND key = ${key}
          AND state = 'running' AND ${expired} RETURNING key`,
        );
      }
    }
    throw inProgress();
  }

  return { run, spend };
}

export type IdempotencyKeys = ReturnType<typeof createIdempotencyKeys>;
