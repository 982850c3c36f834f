import type { Transaction } from 'credits-core';
import {
  captureHoldBodySchema,
  createAdjustmentBodySchema,
  createGrantBodySchema,
  createHoldBodySchema,
  type Hold,
  ProblemError,
  parseRequestBody,
  type RecordUsageInput,
  recordUsageBodySchema,
} from 'credits-core/server';
import type { Ledger } from '../createLedger.js';
import { clone, type Idempotent, ok } from './createIdempotency.js';

/**
 * The Server API (CONTRACT.md) over the fake's one account: usage, holds, grants, adjustments.
 * The same rules as credits-server: holds reserve credits until captured, released or expired.
 */
export function createServerApi(settings: {
  accountId: string;
  ledger: Ledger;
  idempotent: Idempotent;
  now: () => Date;
  nextId: (prefix: string) => string;
}) {
  const { ledger, now } = settings;
  const holds = new Map<string, Hold>();

  const website = (input: { websiteId?: string; websiteName?: string; websiteUrl?: string }) =>
    input.websiteId
      ? {
          id: input.websiteId,
          name: input.websiteName ?? input.websiteId,
          url: input.websiteUrl ?? null,
        }
      : null;

  /**
   * What is due lapses, each once: active holds past their expiry free their credits, and lots
   * past theirs close with an `expiry` row (credits-server's sweep).
   */
  function lapse() {
    ledger.expire(now());
    const time = now().getTime();
    for (const hold of holds.values()) {
      if (hold.status === 'active' && Date.parse(hold.expiresAt) <= time) {
        hold.status = 'expired';
        ledger.release(hold.amount);
      }
    }
  }

  function account(accountId: string) {
    if (accountId !== settings.accountId)
      throw new ProblemError(404, 'not_found', 'No such account');
    lapse();
  }

  function spend(input: RecordUsageInput): Transaction {
    return clone(
      ledger.append({
        type: 'usage',
        amount: -input.credits,
        description: input.description,
        website: website(input),
        purchaseId: null,
        createdAt: now().toISOString(),
      }),
    );
  }

  function activeHold(accountId: string, id: string) {
    account(accountId);
    const hold = holds.get(id);
    if (!hold) throw new ProblemError(404, 'not_found', 'No such hold');
    return hold;
  }

  const notActive = (hold: Hold) =>
    new ProblemError(
      409,
      'hold_not_active',
      'Hold not active',
      `The hold is ${hold.status}: only an active hold can be captured or released.`,
    );

  const credit = (
    accountId: string,
    scope: string,
    key: string | null,
    body: unknown,
    row: () => Transaction,
  ) =>
    settings.idempotent(`${accountId}:${scope}`, key, body, () => {
      account(accountId);
      return ok(row(), 201);
    });

  return {
    spend,
    lapse,
    balance(accountId: string) {
      account(accountId);
      return ok(ledger.balance(now()));
    },
    recordUsage: (accountId: string, body: unknown, key: string | null) =>
      credit(accountId, 'usage', key, body, () =>
        spend(parseRequestBody(recordUsageBodySchema, body)),
      ),
    createHold: (accountId: string, body: unknown, key: string | null) =>
      settings.idempotent(`${accountId}:hold`, key, body, () => {
        account(accountId);
        const input = parseRequestBody(createHoldBodySchema, body);
        if (Date.parse(input.expiresAt) <= now().getTime())
          throw ProblemError.invalid(
            'expiresAt',
            'Invalid expiresAt',
            'expiresAt must be in the future.',
          );
        ledger.hold(input.credits);
        const hold: Hold = {
          id: settings.nextId('hold'),
          status: 'active',
          amount: input.credits,
          captured: 0,
          description: input.description,
          website: website(input),
          expiresAt: new Date(input.expiresAt).toISOString(),
          createdAt: now().toISOString(),
          transaction: null,
        };
        holds.set(hold.id, hold);
        return ok(hold, 201);
      }),
    captureHold(accountId: string, id: string, body: unknown) {
      const { credits } = parseRequestBody(captureHoldBodySchema, body);
      const hold = activeHold(accountId, id);
      if (hold.status === 'captured' && hold.captured === credits) return ok(hold);
      if (hold.status !== 'active') throw notActive(hold);
      if (credits > hold.amount)
        throw ProblemError.invalid(
          'credits',
          'Capture exceeds the hold',
          `At most the ${hold.amount} held credits can be captured.`,
        );
      ledger.release(hold.amount);
      hold.status = 'captured';
      hold.captured = credits;
      if (credits > 0) {
        hold.transaction = ledger.append({
          type: 'usage',
          amount: -credits,
          description: hold.description,
          website: hold.website ?? null,
          purchaseId: null,
          createdAt: now().toISOString(),
          reserved: true,
        });
      }
      return ok(hold);
    },
    releaseHold(accountId: string, id: string) {
      const hold = activeHold(accountId, id);
      if (hold.status === 'released') return ok(hold);
      if (hold.status !== 'active') throw notActive(hold);
      ledger.release(hold.amount);
      hold.status = 'released';
      return ok(hold);
    },
    grant: (accountId: string, body: unknown, key: string | null) =>
      credit(accountId, 'grant', key, body, () => {
        const input = parseRequestBody(createGrantBodySchema, body);
        if (input.expiresAt !== undefined && Date.parse(input.expiresAt) <= now().getTime())
          throw ProblemError.invalid(
            'expiresAt',
            'Invalid expiresAt',
            'expiresAt must be in the future.',
          );
        return ledger.append({
          type: 'grant',
          amount: input.credits,
          description: input.reason,
          website: null,
          purchaseId: null,
          createdAt: now().toISOString(),
          expiresAt: input.expiresAt === undefined ? null : new Date(input.expiresAt).toISOString(),
        });
      }),
    adjust: (accountId: string, body: unknown, key: string | null) =>
      credit(accountId, 'adjustment', key, body, () => {
        const input = parseRequestBody(createAdjustmentBodySchema, body);
        return ledger.append({
          type: 'adjustment',
          amount: input.credits,
          description: input.reason,
          website: null,
          purchaseId: null,
          createdAt: now().toISOString(),
        });
      }),
  };
}
