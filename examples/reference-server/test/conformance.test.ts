import { runConformance } from 'credits-conformance';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceServer, startReferenceServer } from '../src/startReferenceServer';

describe('reference server on PGlite', () => {
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer({ webhookDelayMs: 50 });
  }, 60_000);
  afterAll(() => server?.close());

  it('passes the conformance kit', async () => {
    const report = await runConformance({ baseUrl: server.baseUrl, token: 'conformance' });
    expect(
      report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
    ).toEqual([]);
    expect(report.passed).toBeGreaterThanOrEqual(20);
  }, 120_000);
});
