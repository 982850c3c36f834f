import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDatabase } from '../src/data/createDatabase';
import { instancesOnPostgres } from './instancesOnPostgres';
import { serverApiOnInstances } from './serverApiOnInstances';

/**
 * Lots and expiry on a real PostgreSQL with two server instances on one database: grants and
 * adjustments raced (same and different Idempotency-Keys) with debits, then both instances
 * sweeping lapsed lots at once (migrations/009_lots.sql, src/ledger/lots.ts); and the migration
 * carrying existing balances over as never-expiring lots.
 */
// Both instances sweep every 50 ms, so they race for the same lapsed lots.
const postgres = instancesOnPostgres({ expirySweepIntervalMs: 50 });
const { servers, query } = postgres;

const ACCOUNT = 'acct_lots';
const call = serverApiOnInstances(servers, ACCOUNT);

/** The ledger sums to the balance, balanceAfter chains, and the open lots hold exactly it. */
async function expectExactLedger() {
  const [account] = await query('SELECT total, used FROM accounts WHERE id = $1', [ACCOUNT]);
  const balance = Number(account!.total) - Number(account!.used);
  const chain = await query(
    'SELECT amount, balance_after FROM transactions WHERE account_id = $1 ORDER BY seq',
    [ACCOUNT],
  );
  let running = 0;
  for (const row of chain) {
    running += Number(row.amount);
    expect(Number(row.balance_after)).toBe(running);
  }
  expect(running).toBe(balance);
  const lots = await query(
    'SELECT remaining FROM lots WHERE account_id = $1 AND expired_at IS NULL',
    [ACCOUNT],
  );
  expect(lots.every((lot) => Number(lot.remaining) >= 0)).toBe(true);
  // No debt here (the balance never went below zero): the open lots are the balance.
  expect(lots.reduce((sum, lot) => sum + Number(lot.remaining), 0)).toBe(balance);
  return balance;
}

describe('lots and expiry on PostgreSQL, two instances', { timeout: 180_000 }, () => {
  it('200 concurrent grants, adjustments and debits, keys sent twice: each key credits once, the lots hold the balance', async () => {
    await call('POST', '/grants', { credits: 10_000, reason: 'Starting credits' });
    // Far enough ahead for 200 requests on a busy machine; the next test waits for it.
    const soon = new Date(Date.now() + 15_000).toISOString();
    const keys = Array.from({ length: 50 }, () => crypto.randomUUID());
    const work = Array.from({ length: 200 }, (_, index) => {
      // The first 100 calls are 50 requests sent twice each (the same key and body, on both
      // instances): the second answer repeats the first.
      const slot = index < 100 ? index % 50 : index;
      const key = index < 100 ? keys[slot]! : crypto.randomUUID();
      switch (slot % 4) {
        case 0:
          return call(
            'POST',
            '/grants',
            { credits: 500, reason: 'Promotion', expiresAt: soon },
            key,
          );
        case 1:
          return call('POST', '/grants', { credits: 300, reason: 'Referral' }, key);
        case 2:
          return call(
            'POST',
            '/adjustments',
            { credits: slot % 8 === 2 ? 200 : -100, reason: 'Correction' },
            key,
          );
        default:
          return call('POST', '/usage', { credits: 150, description: 'Website generation' }, key);
      }
    });
    const results = await Promise.all(work);
    expect(
      results
        .filter((result) => result.status !== 201)
        .map((r) => [r.status, r.body.code, r.body.detail]),
    ).toEqual([]);
    // The repeated keys answered the same rows: 50 keys, 50 rows.
    const ids = new Set(results.slice(0, 100).map((result) => result.body.id));
    expect(ids.size).toBe(50);
    const [rows] = await query(
      'SELECT count(*)::int AS n FROM transactions WHERE account_id = $1',
      [ACCOUNT],
    );
    expect(rows!.n).toBe(1 + 150);
    await expectExactLedger();
    const expiring = (await call('GET', '/balance')).body.expiring as { amount: number }[];
    expect(expiring.length).toBeGreaterThan(0);
    expect(
      expiring.every(
        (lot) =>
          new Date((lot as never as { expiresAt: string }).expiresAt).getTime() ===
          Date.parse(soon),
      ),
    ).toBe(true);
  });

  it('both instances sweeping (and reading) at once: each lapsed lot expires exactly once, for what was left in it', async () => {
    const open = await query(
      `SELECT id, remaining FROM lots WHERE account_id = $1 AND expired_at IS NULL AND remaining > 0
         AND expires_at IS NOT NULL`,
      [ACCOUNT],
    );
    expect(open.length).toBeGreaterThan(0);
    const left = new Map(open.map((lot) => [String(lot.id), Number(lot.remaining)]));
    // Wait for the state: both sweeps (every 50 ms) and 40 reads on both instances race for them.
    const deadline = Date.now() + 60_000;
    for (;;) {
      await Promise.all(Array.from({ length: 40 }, () => call('GET', '/balance')));
      const [pending] = await query(
        `SELECT count(*)::int AS n FROM lots WHERE account_id = $1 AND expired_at IS NULL
           AND remaining > 0 AND expires_at IS NOT NULL`,
        [ACCOUNT],
      );
      if (pending!.n === 0) break;
      expect(Date.now()).toBeLessThan(deadline);
    }
    const expiries = await query(
      `SELECT lot_id, amount FROM transactions WHERE account_id = $1 AND type = 'expiry'`,
      [ACCOUNT],
    );
    expect(expiries.length).toBe(left.size);
    for (const row of expiries) expect(-Number(row.amount)).toBe(left.get(String(row.lot_id)));
    const balance = await expectExactLedger();
    expect((await call('GET', '/balance')).body).toMatchObject({
      expiring: [],
      available: balance,
    });
  });

  it('an account from before lots keeps its balance, as one never-expiring lot', async () => {
    await query('CREATE DATABASE before_lots');
    const url = postgres.url.replace(/\/[^/]*$/, '/before_lots');
    const names = ['001_init', '002_stripe', '003_idempotency_locks', '004_refunds'];
    names.push('005_rate_limits', '006_forward_only', '007_holds', '008_live_events');
    for (const name of names)
      await query(
        readFileSync(new URL(`../migrations/${name}.sql`, import.meta.url), 'utf8'),
        [],
        url,
      );
    await query(
      `INSERT INTO accounts (id, total, used, held) VALUES ('acct_old', 9000, 2500, 1000), ('acct_debt', 100, 300, 0)`,
      [],
      url,
    );
    const database = await createDatabase({ url });
    await database.close();
    const lots = await query('SELECT account_id, remaining, expires_at FROM lots', [], url);
    // Held credits stay in the lot until captured; a negative balance is debt, in no lot.
    expect(lots).toEqual([{ account_id: 'acct_old', remaining: '6500', expires_at: null }]);
  });
});
