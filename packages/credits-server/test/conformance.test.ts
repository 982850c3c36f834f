import { readFileSync } from 'node:fs';
import { runConformance } from 'credits-conformance';
import { type StripeStandIn, startStripeStandIn } from 'stripe-stand-in';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeViolations,
  documentPath,
  type Prism,
  runConformanceThroughPrism,
  startPrism,
  unexpectedViolations,
} from '../../../scripts/prism';
import { type StartedCreditsServer, startCreditsServer } from '../src/startCreditsServer';
import { TEST_API_KEY } from './serverApiKey';
import { standInSettings } from './stripeStandInSettings';

/** The conformance kit's failures against `server` (none expected), and how many checks passed. */
async function conformance(server: StartedCreditsServer) {
  const report = await runConformance({
    baseUrl: server.baseUrl,
    token: 'conformance',
    apiKey: TEST_API_KEY,
    accountId: 'acct_conformance',
  });
  return {
    failures: report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
    skipped: report.results.filter((r) => r.status === 'skip').map((r) => `${r.id}: ${r.message}`),
    passed: report.passed,
  };
}

describe('reference server on PGlite', () => {
  let server: StartedCreditsServer;
  let prism: Prism | undefined;
  beforeAll(async () => {
    server = await startCreditsServer({ webhookDelayMs: 50, serverApiKeys: [TEST_API_KEY] });
    prism = await startPrism({ proxyTo: server.baseUrl });
  }, 180_000);
  afterAll(async () => {
    await prism?.close();
    await server?.close();
  });

  it('passes the conformance kit, the Server API, the website filter and auto-recharge included', async () => {
    const { failures, passed, skipped } = await conformance(server);
    expect(failures).toEqual([]);
    expect(passed).toBeGreaterThanOrEqual(26);
    expect(
      skipped.filter((s) =>
        /^(serverApi|lots|autoRecharge|transactions\.filters\.website)/.test(s),
      ),
    ).toEqual([]);
  }, 120_000);

  it('passes it behind Prism’s validating proxy, which finds nothing the document does not describe', async () => {
    // Another account, so the rate limit on purchases counts this run apart from the one above.
    const { report, violations } = await runConformanceThroughPrism(prism!, {
      token: 'conformance-prism',
      apiKey: TEST_API_KEY,
      accountId: 'acct_conformance-prism',
    });
    expect(
      report.results.filter((r) => r.id.startsWith('serverApi.') && r.status === 'pass').length,
    ).toBe(6);
    expect
      .soft(report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`))
      .toEqual([]);
    expect(describeViolations(unexpectedViolations(violations))).toEqual([]);
    expect(violations.length).toBeGreaterThan(0); // the kit's invalid requests were seen as such
  }, 120_000);

  it('serves the contract where the document’s default server says', () => {
    const document = JSON.parse(readFileSync(documentPath, 'utf8')) as {
      servers: { variables: { baseUrl: { default: string } } }[];
    };
    const documented = new URL(document.servers[0]!.variables.baseUrl.default);
    expect(new URL(server.baseUrl).pathname).toBe(documented.pathname);
  });
});

describe('reference server in Stripe mode (on the Stripe stand-in)', () => {
  let standIn: StripeStandIn;
  let server: StartedCreditsServer;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    server = await startCreditsServer({
      stripeSettings: standInSettings(standIn),
      serverApiKeys: [TEST_API_KEY],
    });
    standIn.addWebhookEndpoint(
      `${server.origin}/webhooks/stripe`,
      standInSettings(standIn).webhookSecret,
    );
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    await standIn?.close();
  });

  it('passes the conformance kit', async () => {
    const { failures, skipped, passed } = await conformance(server);
    expect(failures).toEqual([]);
    expect(passed).toBeGreaterThanOrEqual(20);
    // Only Stripe.js can answer a 3D Secure challenge at Stripe: that check cannot run here.
    expect(skipped).toContain(
      'purchase.threeDSecure: 3D Secure is answered in the browser with Stripe.js on this backend',
    );
    // It ran against Stripe: the purchases it made are PaymentIntents there.
    expect(standIn.paymentIntents().length).toBeGreaterThan(0);
  }, 120_000);
});
