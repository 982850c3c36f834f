import type { Balance, Transaction } from 'credits-core';
import { describe, expect, it } from 'vitest';
import { createCreditsBackend } from '../src/index';

/** The fake's lots, by credits-server's rules (CONTRACT.md, "Lots and expiry"), on a clock. */
function account(options: { overdraftAllowed?: boolean } = {}) {
  let clock = Date.parse('2026-11-01T00:00:00Z');
  const backend = createCreditsBackend({
    transactions: [],
    paymentMethods: [],
    now: () => new Date(clock),
    ...options,
  });
  const { server } = backend;
  const id = server.accountId;
  let keys = 0;
  const key = () => `k${++keys}`;
  const at = (day: number) => new Date(Date.parse('2026-11-01T00:00:00Z') + day * 86_400_000);
  return {
    grant: (credits: number, expiresOnDay?: number) =>
      server.grant(
        id,
        {
          credits,
          reason: `Grant ${credits}`,
          ...(expiresOnDay === undefined ? {} : { expiresAt: at(expiresOnDay).toISOString() }),
        },
        key(),
      ),
    use: (credits: number) => server.recordUsage(id, { credits, description: 'Job' }, key()),
    adjust: (credits: number) => server.adjust(id, { credits, reason: 'Fix' }, key()),
    toDay(day: number) {
      clock = at(day).getTime();
    },
    balance: async () => (await server.balance(id)).body as Balance,
    expiries: () =>
      (backend.listTransactions({ type: ['expiry'] }).body as { data: Transaction[] }).data.map(
        (row) => [row.amount, row.description],
      ),
    at,
  };
}

describe('credits-msw lots', () => {
  it('spends the soonest-expiring grant first and posts one expiry row for what is left', async () => {
    const lots = account();
    await lots.grant(1_000);
    await lots.grant(500, 20);
    await lots.grant(300, 10);
    expect((await lots.use(400)).status).toBe(201);
    // 300 from the lot expiring on day 10, then 100 from day 20's; the never-expiring lot untouched.
    expect((await lots.balance()).expiring).toEqual([
      { amount: 400, expiresAt: lots.at(20).toISOString() },
    ]);
    lots.toDay(25);
    expect(await lots.balance()).toMatchObject({
      total: 1_400,
      used: 400,
      available: 1_000,
      expiring: [],
    });
    await lots.balance();
    expect(lots.expiries()).toEqual([[-400, 'Expired: Grant 500']]);
  });

  it('never spends a lapsed lot: usage past an expiry finds only what is left', async () => {
    const lots = account();
    await lots.grant(100);
    await lots.grant(900, 5);
    lots.toDay(6);
    const refused = await lots.use(500).catch((error: { status: number }) => error);
    expect(refused).toMatchObject({ status: 402 });
    expect(await lots.balance()).toMatchObject({ available: 100 });
  });

  it('debt (a negative adjustment beyond the lots) is repaid before a grant opens a lot', async () => {
    const lots = account();
    await lots.grant(100, 30);
    await lots.adjust(-300);
    expect(await lots.balance()).toMatchObject({ available: -200, expiring: [] });
    await lots.grant(500, 40);
    expect((await lots.balance()).expiring).toEqual([
      { amount: 300, expiresAt: lots.at(40).toISOString() },
    ]);
    lots.toDay(41);
    expect(await lots.balance()).toMatchObject({ available: 0 });
    expect(lots.expiries()).toEqual([[-300, 'Expired: Grant 500']]);
  });
});
