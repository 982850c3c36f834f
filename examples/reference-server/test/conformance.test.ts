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
import { type ReferenceServer, startReferenceServer } from '../src/startReferenceServer';
import { standInSettings } from './stripeStandInSettings';

/** The conformance kit's failures against `server` (none expected), and how many checks passed. */
async function conformance(server: ReferenceServer) {
  const report = await runConformance({ baseUrl: server.baseUrl, token: 'conformance' });
  return {
    failures: report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
    skipped: report.results.filter((r) => r.status === 'skip').map((r) => `${r.id}: ${r.message}`),
    passed: report.passed,
  };
}

describe('reference server on PGlite', () => {
  let server: ReferenceServer;
  let prism: Prism | undefined;
  beforeAll(async () => {
    server = await startReferenceServer({ webhookDelayMs: 50 });
    prism = await startPrism({ proxyTo: server.baseUrl });
  }, 60_000);
  afterAll(async () => {
    await prism?.close();
    await server?.close();
  });

  it('passes the conformance kit', async () => {
    const { failures, passed } = await conformance(server);
    expect(failures).toEqual([]);
    expect(passed).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it('passes it behind Prism’s validating proxy, which finds nothing the document does not describe', async () => {
    // Another account, so the rate limit on purchases counts this run apart from the one above.
    const { report, violations } = await runConformanceThroughPrism(prism!, {
      token: 'conformance-prism',
    });
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
  let server: ReferenceServer;
  beforeAll(async () => {
    standIn = await startStripeStandIn();
    server = await startReferenceServer({ stripeSettings: standInSettings(standIn) });
    standIn.addWebhookEndpoint(
      `${server.origin}/webhooks/stripe`,
      standInSettings(standIn).webhookSecret,
    );
  }, 60_000);
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
