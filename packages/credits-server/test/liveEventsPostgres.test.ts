import pg from 'pg';
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

const seqOf = (event: { data: Record<string, unknown> }) => event.data.seq as number;

describe('live events across instances on a real PostgreSQL', { timeout: 20_000 }, () => {
  it('a debit committed through instance A reaches a stream on instance B, and only its account’s', async () => {
    await fund(a.baseUrl, 'pg_live');
    await fund(a.baseUrl, 'pg_other');
    const onB = await openStream(b.baseUrl, 'pg_live');
    const otherOnB = await openStream(b.baseUrl, 'pg_other');
    const ready = await onB.next((e) => e.event === 'ready');
    await otherOnB.next((e) => e.event === 'ready');
    expect((await spend(a.baseUrl, 'pg_live', 400)).status).toBe(201);
    const row = await onB.next((e) => e.event === 'transaction');
    expect(seqOf(row)).toBe(seqOf(ready) + 1);
    expect(row.data.transaction).toMatchObject({ amount: -400, balanceAfter: 9_600 });
    const balance = await onB.next((e) => e.event === 'balance' && seqOf(e) >= seqOf(row));
    expect(balance.data.balance).toMatchObject({ available: 9_600 });
    expect(otherOnB.events.some((e) => e.event === 'transaction')).toBe(false);
    onB.close();
    otherOnB.close();
  });

  it('any writer is covered: a row inserted by plain SQL (another service, a console) is streamed too', async () => {
    await fund(a.baseUrl, 'pg_sql');
    const onA = await openStream(a.baseUrl, 'pg_sql');
    const ready = await onA.next((e) => e.event === 'ready');
    // The demo sign-in's account for the token `pg_sql` (createAccountResolver).
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      await client.query(
        `WITH moved AS (UPDATE accounts SET total = total + 5, seq = seq + 1 WHERE id = 'acct_pg_sql'
           RETURNING seq, total - used AS balance_after)
         INSERT INTO transactions (account_id, seq, id, type, description, amount, balance_after)
         SELECT 'acct_pg_sql', seq, 'txn_sql_grant', 'grant', 'Support grant', 5, balance_after FROM moved`,
      );
    } finally {
      await client.end();
    }
    const row = await onA.next((e) => e.event === 'transaction');
    expect(seqOf(row)).toBe(seqOf(ready) + 1);
    expect(row.data.transaction).toMatchObject({ id: 'txn_sql_grant', amount: 5 });
    onA.close();
  });

  it('resumes on the other instance: Last-Event-ID from A’s stream replays on B', async () => {
    await fund(a.baseUrl, 'pg_resume');
    const onA = await openStream(a.baseUrl, 'pg_resume');
    const ready = await onA.next((e) => e.event === 'ready');
    onA.close();
    await spend(a.baseUrl, 'pg_resume', 7);
    const onB = await openStream(b.baseUrl, 'pg_resume', String(seqOf(ready)));
    const row = await onB.next((e) => e.event === 'transaction');
    expect(seqOf(row)).toBe(seqOf(ready) + 1);
    expect(row.data.transaction).toMatchObject({ amount: -7 });
    onB.close();
  });
});
