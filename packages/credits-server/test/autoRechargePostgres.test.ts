import { describe, expect, it } from 'vitest';
import {
  browserCall,
  overHttp,
  rechargeSettings,
  saveSandboxCard,
  serverCall,
  until,
} from './autoRechargeHelpers';
import { instancesOnPostgres } from './instancesOnPostgres';

/**
 * Auto-recharge on a real PostgreSQL with two server instances on one database: 200 concurrent
 * debits, then rounds of 50 (and the recharges they set off, crediting meanwhile) give exactly
 * one recharge per crossing of the threshold, as the ledger shows the crossings; a month with
 * the cap nearly spent gives no charge past it.
 */
const { servers, query } = instancesOnPostgres({ createsPerMinute: 10_000 });

let turn = 0;
/** The two instances in turn. */
const send = overHttp(() => servers[turn++ % servers.length]!.baseUrl);

describe('auto-recharge on PostgreSQL, two instances', { timeout: 180_000 }, () => {
  it('debits racing from two instances (200 at once, then rounds of 50): exactly one recharge per crossing, each credited once, never past the cap', async () => {
    const account = 'acct_ar_race';
    await browserCall(send, account, 'GET', '/balance');
    await serverCall(send, account, '/grants', { credits: 12_000, reason: 'Starting credits' });
    await saveSandboxCard(send, account, 'pm_card_visa');
    // $10 (10,000 credits) a recharge, $30 a month: the debits cross more often than the cap allows.
    const enabled = await browserCall(
      send,
      account,
      'PUT',
      '/auto-recharge',
      rechargeSettings({ thresholdCredits: 5_000, monthlyCap: { amount: 3_000, currency: 'USD' } }),
    );
    expect(enabled.body.status.state).toBe('active');
    const [{ seq: enabledAt }] = (await query('SELECT seq FROM accounts WHERE id = $1', [
      account,
    ])) as [{ seq: string }];
    const charged = () =>
      until(
        () =>
          query(
            `SELECT count(*)::int AS open FROM auto_recharge_attempts WHERE account_id = $1 AND outcome IN ('pending', 'processing')`,
            [account],
          ),
        ([row]) => row!.open === 0,
        60_000,
      );
    const debit = (credits: number) =>
      serverCall(send, account, '/usage', { credits, description: 'Website generation' });
    // 200 debits at once (10,000 credits from 12,000), then three rounds of 50 (10,000 each).
    const first = await Promise.all(Array.from({ length: 200 }, () => debit(50)));
    expect(first.every((answer) => answer.status === 201)).toBe(true);
    for (let round = 0; round < 3; round += 1) {
      await charged();
      await Promise.all(Array.from({ length: 50 }, () => debit(200)));
    }
    await charged();
    // The crossings, replayed from the ledger in order (no holds here: available = balance_after).
    const ledger = await query(
      'SELECT seq, balance_after FROM transactions WHERE account_id = $1 ORDER BY seq',
      [account],
    );
    let crossings = 0;
    let previous: number | undefined;
    for (const row of ledger) {
      const balance = Number(row.balance_after);
      if (
        Number(row.seq) > Number(enabledAt) &&
        previous !== undefined &&
        previous >= 5_000 &&
        balance < 5_000
      )
        crossings += 1;
      previous = balance;
    }
    const attempts = await query(
      'SELECT outcome, purchase_id FROM auto_recharge_attempts WHERE account_id = $1 ORDER BY crossing',
      [account],
    );
    expect(attempts).toHaveLength(crossings);
    // The first three crossings are charged ($30), every later one is cap_reached.
    expect(crossings).toBeGreaterThanOrEqual(4);
    expect(attempts.map((attempt) => attempt.outcome)).toEqual(
      attempts.map((_, index) => (index < 3 ? 'succeeded' : 'cap_reached')),
    );
    const paid = attempts.filter((attempt) => attempt.outcome === 'succeeded');
    const [period] = await query(
      'SELECT spent::int, recharges FROM auto_recharge_periods WHERE account_id = $1',
      [account],
    );
    expect(period).toEqual({ spent: 3_000, recharges: 3 });
    // Each succeeded recharge credited exactly once, and the ledger sums to the balance.
    const credited = await query(
      `SELECT purchase_id, count(*)::int AS rows FROM transactions WHERE account_id = $1 AND type = 'purchase' GROUP BY purchase_id`,
      [account],
    );
    expect(credited.map((row) => row.rows)).toEqual(paid.map(() => 1));
    expect(new Set(credited.map((row) => row.purchase_id))).toEqual(
      new Set(paid.map((attempt) => attempt.purchase_id)),
    );
    const [sums] = await query(
      'SELECT (SELECT sum(amount) FROM transactions WHERE account_id = $1) AS ledger, total - used AS balance FROM accounts WHERE id = $1',
      [account],
    );
    expect(sums!.ledger).toBe(sums!.balance);
  });

  it('a month with the cap nearly spent: the crossing is recorded cap_reached and nothing is charged', async () => {
    const account = 'acct_ar_cap';
    await browserCall(send, account, 'GET', '/balance');
    await serverCall(send, account, '/grants', { credits: 3_000, reason: 'Starting credits' });
    await saveSandboxCard(send, account, 'pm_card_visa');
    await browserCall(
      send,
      account,
      'PUT',
      '/auto-recharge',
      rechargeSettings({ monthlyCap: { amount: 5_000, currency: 'USD' } }),
    );
    // $40.01 of $50 already spent this month: one more $10 recharge would pass the cap.
    await query(
      `INSERT INTO auto_recharge_periods (account_id, period_start, spent, recharges, cap)
       VALUES ($1, date_trunc('month', now() AT TIME ZONE 'UTC')::date, 4001, 4, 5000)`,
      [account],
    );
    await Promise.all(
      Array.from({ length: 20 }, () =>
        serverCall(send, account, '/usage', { credits: 100, description: 'Website generation' }),
      ),
    );
    const status = await until(
      () => browserCall(send, account, 'GET', '/auto-recharge'),
      (answer) => answer.body.status.lastAttempt !== null,
    );
    expect(status.body.status).toMatchObject({
      state: 'cap_reached',
      spent: { amount: 4_001 },
      lastAttempt: { outcome: 'cap_reached', purchaseId: null },
    });
    expect(await query(`SELECT id FROM purchases WHERE account_id = $1`, [account])).toEqual([]);
    // The database refuses any write that would pass the cap, whoever makes it.
    await expect(
      query(`UPDATE auto_recharge_periods SET spent = spent + 1000 WHERE account_id = $1`, [
        account,
      ]),
    ).rejects.toThrow(/auto_recharge_within_cap/);
  });
});
