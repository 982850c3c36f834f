import { type AutoRecharge, updateAutoRecharge } from 'credits-core/auto-recharge';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StartedCreditsServer } from '../src/startCreditsServer';
import { instancesOnPostgres } from './instancesOnPostgres';
import { fund, openStream, spend } from './liveStreams';

// Two instances of the server on one database, as behind a load balancer.
const db = instancesOnPostgres({ poolSize: 4, createsPerMinute: 10_000 });
let a: StartedCreditsServer;
let b: StartedCreditsServer;
beforeAll(() => {
  [a, b] = db.servers as [StartedCreditsServer, StartedCreditsServer];
});

const documentOf = (event: { data: Record<string, unknown> }) =>
  event.data.autoRecharge as AutoRecharge;

describe('auto-recharge events across instances on a real PostgreSQL', { timeout: 40_000 }, () => {
  it('settings saved through instance A, then a recharge and its outcome, reach a stream on instance B', async () => {
    // 10,000 credits bought with a saved card (the default one), through A.
    const { client } = await fund(a.baseUrl, 'pg_recharge');
    const other = await openStream(b.baseUrl, 'pg_recharge_other');
    const onB = await openStream(b.baseUrl, 'pg_recharge');
    await onB.next((e) => e.event === 'ready');
    await other.next((e) => e.event === 'ready');

    const saved = await updateAutoRecharge(client, {
      enabled: true,
      thresholdCredits: 9_000,
      packageId: 'pkg_10k',
      monthlyCap: { amount: 5_000, currency: 'USD' },
      paymentMethodId: null,
    });
    const settings = await onB.next(
      (e) => e.event === 'auto-recharge' && documentOf(e).settings.enabled,
    );
    expect(documentOf(settings)).toEqual(saved);
    expect(documentOf(settings).status).toMatchObject({ state: 'active', lastAttempt: null });

    // The history's seq, read on PostgreSQL in one statement with its rows: the funding row.
    expect((await client.listTransactions()).seq).toBe(1);
    // A debit through A crosses the threshold: the recharge is recorded and charged (off-session,
    // the sandbox card succeeds); B's stream shows its outcome, and this month's spending.
    expect((await spend(a.baseUrl, 'pg_recharge', 2_000)).status).toBe(201);
    const charged = await onB.next(
      (e) =>
        e.event === 'auto-recharge' && documentOf(e).status.lastAttempt?.outcome === 'succeeded',
    );
    expect(documentOf(charged).status).toMatchObject({
      rechargesThisPeriod: 1,
      spent: { amount: 1_000, currency: 'USD' },
    });
    expect(other.events.some((e) => e.event === 'auto-recharge')).toBe(false);
    onB.close();
    other.close();
  });
});
