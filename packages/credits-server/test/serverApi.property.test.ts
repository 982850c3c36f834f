import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCreditsService } from '../src/createCreditsService';
import { createDatabase, type DatabaseHandle } from '../src/data/createDatabase';
import { rows } from '../src/data/rows';
import { createApp } from '../src/http/createApp';
import { TEST_API_KEY } from './serverApiKey';

/**
 * Random sequences of grant (some expiring) / use / hold / capture / release / expire (the clock
 * moving past a hold's or a lot's expiry) through credits-server's Server API on PGlite, each step
 * compared with a model a few lines long: the balance, its expiring credits, and whether each step
 * was accepted, must agree every time; at the end, the lots and expiry rows in the database too.
 */
let database: DatabaseHandle;
let clock = Date.parse('2026-11-24T12:00:00Z');
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  database = await createDatabase();
  const service = createCreditsService(database.db, { now: () => new Date(clock) });
  app = createApp({ service, serverApiKeys: [TEST_API_KEY] });
}, 60_000);
afterAll(() => database?.close());

type Command =
  | { kind: 'grant'; credits: number; ttlMs: number | null }
  | { kind: 'use'; credits: number }
  | { kind: 'hold'; credits: number; ttlMs: number }
  | { kind: 'capture'; hold: number; credits: number }
  | { kind: 'release'; hold: number }
  | { kind: 'advance'; ms: number };

const credits = fc.integer({ min: 1, max: 2_000 });
const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({
    kind: fc.constant('grant' as const),
    credits,
    ttlMs: fc.option(fc.integer({ min: 1_000, max: 60_000 }), { nil: null }),
  }),
  fc.record({ kind: fc.constant('use' as const), credits }),
  fc.record({
    kind: fc.constant('hold' as const),
    credits,
    ttlMs: fc.integer({ min: 1_000, max: 60_000 }),
  }),
  fc.record({
    kind: fc.constant('capture' as const),
    hold: fc.nat(9),
    credits: fc.integer({ min: 0, max: 2_500 }),
  }),
  fc.record({ kind: fc.constant('release' as const), hold: fc.nat(9) }),
  fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 1, max: 40_000 }) }),
);

interface ModelHold {
  id: string;
  amount: number;
  expiresAt: number;
  status: 'active' | 'captured' | 'released' | 'expired';
  captured: number;
}

interface ModelLot {
  remaining: number;
  expiresAt: number | null;
  expired: boolean;
}

/** The whole of the rules: what a step does to the balance, and whether it is accepted. */
function createModel() {
  let total = 0;
  let used = 0;
  let expiries = 0;
  const holds: ModelHold[] = [];
  /** In the order they opened; a negative balance is debt, in no lot (CONTRACT.md). */
  const lots: ModelLot[] = [];
  const open = () => lots.filter((lot) => !lot.expired && lot.remaining > 0);
  const lapse = () => {
    for (const hold of holds)
      if (hold.status === 'active' && hold.expiresAt <= clock) hold.status = 'expired';
    for (const lot of open())
      if (lot.expiresAt !== null && lot.expiresAt <= clock) {
        total -= lot.remaining;
        lot.remaining = 0;
        lot.expired = true;
        expiries += 1;
      }
  };
  /** Spends from the soonest-expiring lot first, never-expiring last; the rest is debt. */
  const consume = (credits: number) => {
    let need = credits;
    const order = open().sort((a, b) => (a.expiresAt ?? Infinity) - (b.expiresAt ?? Infinity));
    for (const lot of order) {
      const take = Math.min(need, lot.remaining);
      lot.remaining -= take;
      need -= take;
    }
  };
  const credit = (credits: number, expiresAt: number | null) => {
    const inLots = open().reduce((sum, lot) => sum + lot.remaining, 0);
    total += credits;
    // Debt (lots minus balance) is repaid first.
    const take = Math.min(credits, total - used - inLots);
    if (take > 0) lots.push({ remaining: take, expiresAt, expired: false });
  };
  const held = () =>
    holds.filter((hold) => hold.status === 'active').reduce((sum, h) => sum + h.amount, 0);
  const available = () => total - used - held();
  return {
    holds,
    balance: () => {
      lapse();
      return {
        total,
        used,
        held: held(),
        available: available(),
        expiring: open()
          .filter((lot) => lot.expiresAt !== null)
          .sort((a, b) => (a.expiresAt as number) - (b.expiresAt as number))
          .map((lot) => ({
            amount: lot.remaining,
            expiresAt: new Date(lot.expiresAt as number).toISOString(),
          })),
      };
    },
    lots: () => lots.filter((lot) => !lot.expired).map((lot) => lot.remaining),
    expiries: () => expiries,
    /** The status the step must answer. */
    expect(step: Command): number {
      lapse();
      switch (step.kind) {
        case 'grant':
          credit(step.credits, step.ttlMs === null ? null : clock + step.ttlMs);
          return 201;
        case 'use':
          if (available() < step.credits) return 402;
          used += step.credits;
          consume(step.credits);
          return 201;
        case 'hold':
          return available() < step.credits ? 402 : 201;
        case 'capture': {
          const hold = holds[step.hold];
          if (!hold) return 404;
          if (hold.status === 'captured' && hold.captured === step.credits) return 200;
          if (hold.status !== 'active') return 409;
          if (step.credits > hold.amount) return 400;
          hold.status = 'captured';
          hold.captured = step.credits;
          used += step.credits;
          consume(step.credits);
          return 200;
        }
        case 'release': {
          const hold = holds[step.hold];
          if (!hold) return 404;
          if (hold.status === 'released') return 200;
          if (hold.status !== 'active') return 409;
          hold.status = 'released';
          return 200;
        }
        case 'advance':
          return 0;
      }
    },
  };
}

let accounts = 0;

describe('the Server API against a model', () => {
  it('agrees step by step on random grant/use/hold/capture/release/expire sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 25 }), async (steps) => {
        const account = `acct_model_${++accounts}`;
        const model = createModel();
        const call = async (method: string, path: string, body?: unknown) => {
          const response = await app.request(`/api/credits/v1/server/accounts/${account}${path}`, {
            method,
            headers: {
              'X-Api-Key': TEST_API_KEY,
              'Content-Type': 'application/json',
              'Idempotency-Key': crypto.randomUUID(),
            },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          // biome-ignore lint/suspicious/noExplicitAny: JSON read by the assertions
          return { status: response.status, body: (await response.json()) as any };
        };
        for (const step of steps) {
          const expected = model.expect(step);
          let answer: { status: number; body: { id?: string } } | undefined;
          const hold = 'hold' in step ? model.holds[step.hold] : undefined;
          const holdId = hold?.id ?? 'hold_missing';
          if (step.kind === 'advance') clock += step.ms;
          else if (step.kind === 'grant')
            answer = await call('POST', '/grants', {
              credits: step.credits,
              reason: 'Model',
              ...(step.ttlMs === null
                ? {}
                : { expiresAt: new Date(clock + step.ttlMs).toISOString() }),
            });
          else if (step.kind === 'use')
            answer = await call('POST', '/usage', { credits: step.credits, description: 'Model' });
          else if (step.kind === 'hold') {
            answer = await call('POST', '/holds', {
              credits: step.credits,
              description: 'Model',
              expiresAt: new Date(clock + step.ttlMs).toISOString(),
            });
            if (answer.status === 201)
              model.holds.push({
                id: answer.body.id!,
                amount: step.credits,
                expiresAt: clock + step.ttlMs,
                status: 'active',
                captured: 0,
              });
          } else if (step.kind === 'capture')
            answer = await call('POST', `/holds/${holdId}/capture`, { credits: step.credits });
          else answer = await call('POST', `/holds/${holdId}/release`);
          if (answer) expect([step, answer.status]).toEqual([step, expected]);
          const balance = (await call('GET', '/balance')).body;
          expect({ step, balance }).toMatchObject({ step, balance: model.balance() });
        }
        // What the database keeps: the same open lots (none negative), one row per lapsed lot.
        const lots = await rows(
          database.db,
          sql`SELECT remaining FROM lots WHERE account_id = ${account} AND expired_at IS NULL ORDER BY seq`,
        );
        expect(lots.map((row) => Number(row.remaining))).toEqual(model.lots());
        const [expiries] = await rows(
          database.db,
          sql`SELECT count(*) AS n FROM transactions WHERE account_id = ${account} AND type = 'expiry'`,
        );
        expect(Number(expiries?.n)).toBe(model.expiries());
      }),
      { numRuns: 30 },
    );
  }, 300_000);
});
