import { createCreditsServerClient } from 'credits-core/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startPostgres,
  type TestPostgres,
} from '../../../packages/credits-server/test/startPostgres';
import { previewWithCreditsServer } from '../../support/previewWithCreditsServer';
import { DEMO_ACCOUNT } from '../hostSession';
import { availableCredits, openDemo, recordRequests } from './demoPage';

/**
 * Issue 15's cross-instance proof: two credits-server instances on one real PostgreSQL, as
 * behind a load balancer. The demo (in Debian's Chromium) talks only to instance B; the host's
 * backend spends through instance A's Server API. The page learns of it from B's live stream
 * (PostgreSQL LISTEN/NOTIFY between the instances), without a reload or a refetch.
 */
let postgres: TestPostgres | undefined;
// Registered first, so it stops last: after the example and both instances (hooks run as a stack).
beforeAll(async () => {
  postgres = await startPostgres();
}, 120_000);
afterAll(async () => {
  await postgres?.stop();
});

const demo = previewWithCreditsServer(new URL('..', import.meta.url), {
  signIn: 'host',
  instances: 2,
  databaseUrl: () => postgres!.url,
});

describe('the demo across two credits-server instances on one PostgreSQL', () => {
  it('a debit made through instance A’s Server API reaches the page on instance B without a reload or a refetch', async () => {
    const [a, b] = demo.servers;
    expect(demo.servers).toHaveLength(2);
    expect(a!.origin).not.toBe(b!.origin);

    const page = await openDemo(demo.app, { live: true });
    // The demo account is seeded by the first request that creates it, while the page's other
    // first reads may already have answered with the empty account (the stream then brings the
    // seeded balance): measure from the seeded balance on screen.
    await expect.poll(() => availableCredits(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const requests = recordRequests(page);
    const before = await availableCredits(page);
    await page.evaluate(() => {
      (window as { loadedOnce?: boolean }).loadedOnce = true;
    });

    // The host's backend, somewhere else: its own connection to instance A.
    const hostBackend = createCreditsServerClient({ baseUrl: a!.baseUrl, apiKey: demo.apiKey });
    const debit = await hostBackend.recordUsage(DEMO_ACCOUNT, {
      credits: 321,
      description: 'Spent by a teammate on instance A',
    });
    expect(debit.amount).toBe(-321);

    // B's stream carries the new balance and the ledger row into the page.
    await expect.poll(() => availableCredits(page), { timeout: 30_000 }).toBe(before - 321);
    await expect
      .poll(() => page.locator('[data-slot="history-row"]').first().textContent(), {
        timeout: 30_000,
      })
      .toContain('Spent by a teammate on instance A');
    await expect
      .poll(() => page.locator('[data-slot="balance-announcer"]').textContent(), {
        timeout: 30_000,
      })
      .toContain((before - 321).toLocaleString('en-US'));
    // No reload, no balance refetch, at most one (re)connection of the stream.
    expect(requests.navigations).toEqual([]);
    expect(await page.evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    expect(requests.balanceReads).toEqual([]);
    expect(requests.streams.length).toBeLessThanOrEqual(1);
    await page.close();
  });
});
