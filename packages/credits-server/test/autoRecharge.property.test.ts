import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../src/data/createDatabase';
import { rows } from '../src/data/rows';

/**
 * Random sequences of balance moves (debits, credits, holds and their release), cap changes,
 * outcomes of charges and re-enabling, played on migration 010 in PGlite, each step compared
 * with a model a few lines long: which attempts exist (one per crossing of the threshold), what
 * each came to, the month's spending (never past the cap; a decline gives its amount back), the
 * failure count and whether auto-recharge turned itself off.
 */
let database: DatabaseHandle;
beforeAll(async () => {
  database = await createDatabase();
}, 60_000);
afterAll(() => database?.close());

const PRICE = 1_000;
type Outcome =
  | 'pending'
  | 'processing'
  | 'requires_action'
  | 'succeeded'
  | 'declined'
  | 'cap_reached';
type Command =
  | { kind: 'debit' | 'credit' | 'hold' | 'release'; credits: number }
  | { kind: 'cap'; packages: number }
  | {
      kind: 'settle';
      attempt: number;
      outcome: 'processing' | 'requires_action' | 'succeeded' | 'declined';
    }
  | { kind: 'enable' };

const credits = fc.integer({ min: 1, max: 1_500 });
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('debit' as const), credits }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('credit' as const), credits }) },
  fc.record({ kind: fc.constant('hold' as const), credits }),
  fc.record({ kind: fc.constant('release' as const), credits }),
  fc.record({ kind: fc.constant('cap' as const), packages: fc.integer({ min: 1, max: 4 }) }),
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('settle' as const),
      attempt: fc.nat({ max: 4 }),
      outcome: fc.constantFrom(
        'processing',
        'requires_action',
        'succeeded',
        'declined',
      ) as fc.Arbitrary<'processing' | 'requires_action' | 'succeeded' | 'declined'>,
    }),
  },
  fc.record({ kind: fc.constant('enable' as const) }),
);

/** The policy, in a few lines (README, Auto-recharge). */
function createModel(threshold: number, cap: number) {
  const m = {
    total: 3_000,
    used: 0,
    held: 0,
    cap,
    spent: 0,
    enabled: true,
    failures: 0,
    attempts: [] as Outcome[],
  };
  const available = () => m.total - m.used - m.held;
  return {
    m,
    move(change: () => void) {
      const before = available();
      change();
      if (!m.enabled || before < threshold || available() >= threshold) return;
      if (m.spent + PRICE <= m.cap) {
        m.spent += PRICE;
        m.attempts.push('pending');
      } else m.attempts.push('cap_reached');
    },
    settle(index: number, outcome: Exclude<Outcome, 'pending' | 'cap_reached'>) {
      const from = m.attempts[index];
      if (from === undefined || from === outcome) return;
      if (from === 'succeeded' || from === 'declined' || from === 'cap_reached') return;
      if (from === 'processing' && outcome !== 'succeeded' && outcome !== 'declined') return;
      m.attempts[index] = outcome;
      if ((outcome === 'declined' || outcome === 'requires_action') && from !== 'requires_action') {
        m.failures += 1;
        if (m.failures >= 3) m.enabled = false;
      } else if (outcome === 'succeeded') m.failures = 0;
      if (outcome === 'declined') m.spent -= PRICE;
    },
  };
}

let run = 0;
describe('auto-recharge against a model (property)', () => {
  it('one attempt per crossing, the cap never exceeded, declines give back, three failures turn it off', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 2_500 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(command, { minLength: 1, maxLength: 40 }),
        async (threshold, capPackages, commands) => {
          const account = `acct_prop_${++run}`;
          const db = database.db;
          await db.execute(sql`INSERT INTO accounts (id, total) VALUES (${account}, 3000)`);
          await db.execute(sql`INSERT INTO auto_recharge_settings (account_id, enabled, threshold, package_id, credits, amount, currency, monthly_cap)
            VALUES (${account}, true, ${threshold}, 'pkg', 1000, ${PRICE}, 'USD', ${capPackages * PRICE})`);
          const model = createModel(threshold, capPackages * PRICE);
          const { m } = model;
          for (const step of commands) {
            if (step.kind === 'debit') {
              model.move(() => (m.used += step.credits));
              await db.execute(
                sql`UPDATE accounts SET used = used + ${step.credits} WHERE id = ${account}`,
              );
            } else if (step.kind === 'credit') {
              model.move(() => (m.total += step.credits));
              await db.execute(
                sql`UPDATE accounts SET total = total + ${step.credits} WHERE id = ${account}`,
              );
            } else if (step.kind === 'hold') {
              model.move(() => (m.held += step.credits));
              await db.execute(
                sql`UPDATE accounts SET held = held + ${step.credits} WHERE id = ${account}`,
              );
            } else if (step.kind === 'release') {
              const freed = Math.min(m.held, step.credits);
              model.move(() => (m.held -= freed));
              await db.execute(
                sql`UPDATE accounts SET held = held - ${freed} WHERE id = ${account}`,
              );
            } else if (step.kind === 'cap') {
              m.cap = step.packages * PRICE;
              await db.execute(
                sql`UPDATE auto_recharge_settings SET monthly_cap = ${m.cap} WHERE account_id = ${account}`,
              );
            } else if (step.kind === 'enable') {
              m.enabled = true;
              m.failures = 0;
              await db.execute(
                sql`UPDATE auto_recharge_settings SET enabled = true, consecutive_failures = 0, disabled_reason = NULL WHERE account_id = ${account}`,
              );
            } else if (step.kind === 'settle') {
              model.settle(step.attempt, step.outcome);
              const [attempt] = await rows(
                db,
                sql`SELECT id FROM auto_recharge_attempts WHERE account_id = ${account} ORDER BY crossing OFFSET ${step.attempt} LIMIT 1`,
              );
              if (attempt)
                await db.execute(
                  sql`SELECT credits_auto_recharge_outcome(${account}, ${attempt.id}, ${step.outcome}, NULL, NULL)`,
                );
            }
            const attempts = await rows(
              db,
              sql`SELECT outcome FROM auto_recharge_attempts WHERE account_id = ${account} ORDER BY crossing`,
            );
            expect(attempts.map((row) => row.outcome)).toEqual(m.attempts);
            const [period] = await rows(
              db,
              sql`SELECT spent, cap FROM auto_recharge_periods WHERE account_id = ${account}`,
            );
            expect(Number(period?.spent ?? 0)).toBe(m.spent);
            if (period) expect(Number(period.spent)).toBeLessThanOrEqual(Number(period.cap));
            const [settings] = await rows(
              db,
              sql`SELECT enabled, consecutive_failures, disabled_reason FROM auto_recharge_settings WHERE account_id = ${account}`,
            );
            expect(settings).toMatchObject({
              enabled: m.enabled,
              consecutive_failures: m.failures,
            });
            if (!m.enabled) expect(settings!.disabled_reason).toBe('repeated_failures');
          }
        },
      ),
      {
        numRuns: 80,
        // Three crossings, each declined: the third turns auto-recharge off.
        examples: [
          [
            1_000,
            4,
            [0, 1, 2].flatMap((attempt): Command[] => [
              { kind: 'debit', credits: 2_500 },
              { kind: 'settle', attempt, outcome: 'declined' },
              { kind: 'credit', credits: 2_500 },
            ]),
          ],
        ],
      },
    );
  }, 240_000);
});
