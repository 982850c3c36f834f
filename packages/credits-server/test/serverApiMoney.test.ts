import { describe, expect, it } from 'vitest';
import { instancesOnPostgres } from './instancesOnPostgres';
import { serverApiOnInstances } from './serverApiOnInstances';

/**
 * Money stays exact under the Server API on a real PostgreSQL, with two server instances on one
 * database: 200 concurrent usage debits, holds and captures (and holds lapsing while instances
 * read the balance) on one account.
 */
const { servers, query } = instancesOnPostgres();

const ACCOUNT = 'acct_money';
const call = serverApiOnInstances(servers, ACCOUNT);

describe('Server API money on PostgreSQL, two instances', { timeout: 180_000 }, () => {
  it('200 concurrent debits, holds and captures: the ledger sums to the balance, captures never exceed holds', async () => {
    await call('POST', '/grants', { credits: 60_000, reason: 'Starting credits' });
    const inFuture = new Date(Date.now() + 600_000).toISOString();
    // Amounts that make the account run short part-way, so refusals race successes.
    const work = Array.from({ length: 200 }, async (_, index) => {
      if (index % 2 === 0) {
        const used = await call('POST', '/usage', {
          credits: 300 + (index % 7) * 50,
          description: 'Website generation',
          websiteId: `web_${index % 4}`,
        });
        return { kind: 'usage', status: used.status, code: used.body.code };
      }
      const held = await call('POST', '/holds', {
        credits: 800,
        description: 'Website generation',
        expiresAt: inFuture,
      });
      if (held.status !== 201) return { kind: 'hold', status: held.status, code: held.body.code };
      // Two captures and a release race for each hold: exactly one may win.
      const id = held.body.id as string;
      const [a, b, c] = await Promise.all([
        call('POST', `/holds/${id}/capture`, { credits: 100 + (index % 5) * 100 }),
        call('POST', `/holds/${id}/capture`, { credits: 900 }),
        call('POST', `/holds/${id}/release`),
      ]);
      return { kind: 'hold', status: 201, settled: [a, b, c].map((answer) => answer.status) };
    });
    const results = await Promise.all(work);
    const refused = results.filter((result) => result.status !== 201);
    expect(refused.every((result) => result.code === 'insufficient_credits')).toBe(true);
    expect(refused.length).toBeGreaterThan(0); // the account did run short
    for (const result of results.filter((r) => r.settled)) {
      // 900 > 800 held: 400 while the hold is active, 409 once the others settled it; never 200.
      expect([400, 409]).toContain(result.settled![1]);
      // Of the capture and the release, exactly one wins; the other finds it settled (409).
      expect([result.settled![0], result.settled![2]].sort()).toEqual([200, 409]);
    }

    const [account] = await query('SELECT total, used, held FROM accounts WHERE id = $1', [
      ACCOUNT,
    ]);
    const [sums] = await query(
      `SELECT coalesce(sum(amount), 0)::bigint AS sum, count(*)::int AS n FROM transactions WHERE account_id = $1`,
      [ACCOUNT],
    );
    const total = Number(account!.total);
    const used = Number(account!.used);
    expect(Number(sums!.sum)).toBe(total - used);
    expect(Number(account!.held)).toBe(0);
    expect(total - used).toBeGreaterThanOrEqual(0);
    // balanceAfter chains row by row in the account's sequence.
    const chain = await query(
      `SELECT amount, balance_after FROM transactions WHERE account_id = $1 ORDER BY seq`,
      [ACCOUNT],
    );
    let running = 0;
    for (const row of chain) {
      running += Number(row.amount);
      expect(Number(row.balance_after)).toBe(running);
    }
    // Every hold settled once, never capturing more than it held, with one usage row if any.
    const holds = await query(
      `SELECT h.status, h.amount, h.captured, h.transaction_id, t.amount AS row_amount
       FROM holds h LEFT JOIN transactions t ON t.id = h.transaction_id WHERE h.account_id = $1`,
      [ACCOUNT],
    );
    expect(holds.length).toBeGreaterThan(0);
    for (const hold of holds) {
      expect(['captured', 'released']).toContain(hold.status);
      expect(Number(hold.captured)).toBeLessThanOrEqual(Number(hold.amount));
      if (hold.status === 'captured') expect(Number(hold.row_amount)).toBe(-Number(hold.captured));
      else expect(hold.transaction_id).toBeNull();
    }
  });

  it('holds lapsing while both instances read and debit: each frees its credits once', async () => {
    const before = (await call('GET', '/balance')).body;
    await call('POST', '/grants', { credits: 20_000, reason: 'Expiry run' });
    const soon = new Date(Date.now() + 1_000).toISOString();
    const holds = await Promise.all(
      Array.from({ length: 20 }, () =>
        call('POST', '/holds', { credits: 1_000, description: 'Short job', expiresAt: soon }),
      ),
    );
    expect(holds.every((hold) => hold.status === 201)).toBe(true);
    expect((await call('GET', '/balance')).body.held).toBe(20_000);
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    // Every read and debit lapses what is due; 40 at once on two instances.
    const reads = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        index % 4 === 0
          ? call('POST', '/usage', { credits: 10, description: 'During expiry' })
          : call('GET', '/balance'),
      ),
    );
    expect(reads.every((read) => read.status < 300)).toBe(true);
    const after = (await call('GET', '/balance')).body;
    expect(after).toMatchObject({
      held: 0,
      used: before.used + 100,
      total: before.total + 20_000,
      available: before.available + 20_000 - 100,
    });
    const [expired] = await query(
      `SELECT count(*)::int AS n FROM holds WHERE account_id = $1 AND status = 'expired'`,
      [ACCOUNT],
    );
    expect(expired!.n).toBe(20);
  });
});
