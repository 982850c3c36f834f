import { runConformance } from 'credits-conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedCreditsServer, startCreditsServer } from '../src/startCreditsServer';
import { fund, openStream, spend } from './liveStreams';
import { TEST_API_KEY } from './serverApiKey';

let server: StartedCreditsServer;
beforeAll(async () => {
  server = await startCreditsServer({
    liveEvents: { heartbeatMs: 200, maxStreamsPerAccount: 2, maxReplay: 3 },
    createsPerMinute: 10_000,
    serverApiKeys: [TEST_API_KEY],
  });
}, 60_000);
afterAll(() => server?.close());

const seqOf = (event: { data: Record<string, unknown> }) => event.data.seq as number;

describe('GET /events on credits-server (PGlite, LISTEN/NOTIFY in process)', () => {
  it('the config offers the stream', async () => {
    const config = await fetch(`${server.baseUrl}/config`, {
      headers: { Authorization: 'Bearer anyone' },
    });
    expect(await config.json()).toMatchObject({ events: true });
  });

  it('a debit reaches the account’s stream as its ledger row and new balance, and no other account’s stream', async () => {
    await fund(server.baseUrl, 'live_a');
    await fund(server.baseUrl, 'live_b');
    const mine = await openStream(server.baseUrl, 'live_a');
    const theirs = await openStream(server.baseUrl, 'live_b');
    expect(mine.status).toBe(200);
    expect(mine.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const ready = await mine.next((e) => e.event === 'ready');
    await theirs.next((e) => e.event === 'ready');
    expect((await spend(server.baseUrl, 'live_a', 250)).status).toBe(201);

    const row = await mine.next((e) => e.event === 'transaction');
    expect(seqOf(row)).toBe(seqOf(ready) + 1);
    expect(row.id).toBe(String(seqOf(row)));
    expect(row.data.transaction).toMatchObject({
      type: 'usage',
      amount: -250,
      balanceAfter: 9_750,
    });
    const balance = await mine.next((e) => e.event === 'balance' && seqOf(e) === seqOf(row));
    expect(balance.data.balance).toMatchObject({ available: 9_750, used: 250 });

    // B's own debit shows B's row only: A's never reached B.
    await spend(server.baseUrl, 'live_b', 100);
    await theirs.next((e) => e.event === 'transaction');
    expect(
      theirs.events
        .filter((e) => e.event === 'transaction')
        .map((e) => (e.data.transaction as { amount: number }).amount),
    ).toEqual([-100]);
    expect(JSON.stringify(theirs.events)).not.toContain('9750');
    mine.close();
    theirs.close();
  });

  it('resumes after a drop: Last-Event-ID replays the rows missed, in order, then ready', async () => {
    await fund(server.baseUrl, 'live_resume');
    const first = await openStream(server.baseUrl, 'live_resume');
    const ready = await first.next((e) => e.event === 'ready');
    first.close();
    await spend(server.baseUrl, 'live_resume', 10);
    await spend(server.baseUrl, 'live_resume', 20);
    const resumed = await openStream(server.baseUrl, 'live_resume', String(seqOf(ready)));
    const again = await resumed.next((e) => e.event === 'ready');
    const replayed = resumed.events.slice(0, resumed.events.indexOf(again));
    expect(replayed.map((e) => [e.event, seqOf(e)])).toEqual([
      ['transaction', seqOf(ready) + 1],
      ['transaction', seqOf(ready) + 2],
    ]);
    expect(seqOf(again)).toBe(seqOf(ready) + 2);
    const balance = await resumed.next((e) => e.event === 'balance');
    expect(balance.data.balance).toMatchObject({ available: 9_970 });
    resumed.close();
  });

  it('further behind than the replay limit: no rows, and ready shows the gap', async () => {
    await fund(server.baseUrl, 'live_far');
    const first = await openStream(server.baseUrl, 'live_far');
    const ready = await first.next((e) => e.event === 'ready');
    first.close();
    for (let i = 0; i < 4; i += 1) await spend(server.baseUrl, 'live_far', 1);
    const resumed = await openStream(server.baseUrl, 'live_far', String(seqOf(ready)));
    const again = await resumed.next((e) => e.event === 'ready');
    expect(resumed.events.indexOf(again)).toBe(0);
    expect(seqOf(again)).toBe(seqOf(ready) + 4);
    resumed.close();
  });

  it('refuses a Last-Event-ID that is not a sequence number, or is ahead of the ledger (typed 400)', async () => {
    for (const bad of ['abc', '-1', '1e3', '9'.repeat(16), '999999']) {
      const stream = await openStream(server.baseUrl, 'live_bad', bad);
      expect(stream.status, bad).toBe(400);
      expect(stream.response.headers.get('content-type')).toContain('application/problem+json');
      expect(await stream.response.json()).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'Last-Event-ID' }],
      });
    }
  });

  it('limits streams per account (typed 429 with Retry-After); closing one frees its place', async () => {
    const one = await openStream(server.baseUrl, 'live_limit');
    const two = await openStream(server.baseUrl, 'live_limit');
    const three = await openStream(server.baseUrl, 'live_limit');
    expect([one.status, two.status, three.status]).toEqual([200, 200, 429]);
    expect(three.response.headers.get('retry-after')).toBe('30');
    expect(await three.response.json()).toMatchObject({ code: 'rate_limited' });
    // Another account is not affected.
    const other = await openStream(server.baseUrl, 'live_limit_other');
    expect(other.status).toBe(200);
    one.close();
    let four = await openStream(server.baseUrl, 'live_limit');
    for (let i = 0; four.status === 429 && i < 50; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      four = await openStream(server.baseUrl, 'live_limit');
    }
    expect(four.status).toBe(200);
    for (const stream of [two, four, other]) stream.close();
  });

  it('sends heartbeats to an idle stream', async () => {
    const idle = await openStream(server.baseUrl, 'live_idle');
    await idle.next(() => idle.comments >= 2, 5_000).catch(() => undefined);
    expect(idle.comments).toBeGreaterThanOrEqual(2);
    idle.close();
  });

  it('a purchase’s status and a new default card reach the stream', async () => {
    const { client, card } = await fund(server.baseUrl, 'live_cards');
    const stream = await openStream(server.baseUrl, 'live_cards');
    await stream.next((e) => e.event === 'ready');
    const purchase = await client.createPurchase({ packageId: 'pkg_10k' });
    await client.sandbox.confirmPurchase(purchase.id, { paymentMethod: 'pm_card_visa' });
    const status = await stream.next(
      (e) =>
        e.event === 'purchase' &&
        (e.data.purchase as { id: string; status: string }).status === 'succeeded',
    );
    expect((status.data.purchase as { id: string }).id).toBe(purchase.id);
    const intent = await client.createSetupIntent();
    const second = (
      await client.sandbox.confirmSetupIntent(intent.id, { paymentMethod: 'pm_card_mastercard' })
    ).paymentMethod!;
    await client.setDefaultPaymentMethod(second.id);
    const cards = await stream.next(
      (e) =>
        e.event === 'payment-methods' &&
        (e.data.paymentMethods as { data: { id: string; isDefault: boolean }[] }).data.some(
          (each) => each.id === second.id && each.isDefault,
        ),
    );
    expect(
      (cards.data.paymentMethods as { data: { id: string }[] }).data.map((each) => each.id),
    ).toContain(card.id);
    stream.close();
  });

  it('passes the conformance kit’s event checks, none skipped (a second account for isolation)', async () => {
    const report = await runConformance({
      baseUrl: server.baseUrl,
      token: 'kit_events',
      otherToken: 'kit_events_other',
      only: ['events'],
    });
    expect(report.results.map((r) => [r.id, r.status, r.message ?? ''])).toEqual([
      ['events.ledger', 'pass', ''],
      ['events.resume', 'pass', ''],
      ['events.lastEventId', 'pass', ''],
      ['events.isolation', 'pass', ''],
      ['events.historySeq', 'pass', ''],
      ['events.autoRecharge', 'pass', ''],
    ]);
  });

  it('the kit’s event checks fail a stream that leaks another account’s rows or ignores Last-Event-ID', async () => {
    // A planted defect: every stream is opened as one shared account, and Last-Event-ID is dropped.
    const leaky: typeof fetch = (input, init) => {
      const url = String(input);
      if (!url.endsWith('/events')) return fetch(input, init);
      const headers = new Headers(init?.headers);
      headers.set('Authorization', 'Bearer kit_shared');
      headers.delete('Last-Event-ID');
      return fetch(input, { ...init, headers });
    };
    await fund(server.baseUrl, 'kit_shared');
    const report = await runConformance({
      baseUrl: server.baseUrl,
      token: 'kit_shared',
      otherToken: 'kit_shared',
      fetch: leaky,
      only: ['events.resume', 'events.isolation'],
    });
    expect(report.results.map((r) => [r.id, r.status])).toEqual([
      ['events.resume', 'fail'],
      ['events.isolation', 'fail'],
    ]);
  }, 60_000);
});
