import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import {
  type CreditsServer,
  createFetchHandler,
  type FetchHandler,
  startCreditsServer,
} from 'credits-msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describeViolations,
  type Prism,
  runConformanceThroughPrism,
  startPrism,
  unexpectedViolations,
} from '../../../scripts/prism';
import { type ConformanceReport, runConformance } from '../src/index';

const TOKEN = 'prism-test-token';
const statusOf = (report: ConformanceReport) =>
  Object.fromEntries(report.results.map((result) => [result.id, result.status]));

// Prism takes a few seconds to start on a busy machine: one process per backend, reused.
describe('credits-msw behind Prism’s validating proxy', { timeout: 60_000 }, () => {
  let server: CreditsServer | undefined;
  let prism: Prism | undefined;
  /** What the server answers with: the fake, or the fake with a planted defect. */
  let handle: FetchHandler;
  const fake = () =>
    createFetchHandler(
      createCreditsHandlers({
        backend: createCreditsBackend({ paymentLatencyMs: 20 }),
        requireAuth: true,
      }),
    );

  beforeAll(async () => {
    handle = fake();
    server = await startCreditsServer({ handlers: (request) => handle(request) });
    prism = await startPrism({ proxyTo: server.baseUrl });
  }, 60_000);
  afterAll(async () => {
    await prism?.close();
    await server?.close();
  });

  it('the kit passes and Prism finds no request or response the document does not describe', async () => {
    handle = fake();
    const { report, violations } = await runConformanceThroughPrism(prism!, { token: TOKEN });
    expect
      .soft(report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`))
      .toEqual([]);
    expect(describeViolations(unexpectedViolations(violations))).toEqual([]);
    // The invalid requests the kit sends on purpose were forwarded and seen as invalid.
    expect(new Set(violations.map((v) => v.check))).toEqual(
      new Set([
        'errors.unknownRoute',
        'errors.validation',
        'errors.contentType',
        'errors.invalidQuery',
        'errors.unauthenticated',
        'transactions.limitBounds',
        'usage.series.limits',
        'purchase.threeDSecure',
      ]),
    );
  });

  it('reports a planted undocumented status and a field of the wrong type', async () => {
    const inner = fake();
    handle = async (request) => {
      const path = new URL(request.url).pathname;
      // An undocumented status (201 documented) and a string where the document says integer.
      if (path.endsWith('/setup-intents')) {
        const response = await inner(request);
        return new Response(response.body, { status: 200, headers: response.headers });
      }
      if (path.endsWith('/balance')) {
        const balance = (await (await inner(request)).json()) as Record<string, unknown>;
        return Response.json({ ...balance, lowBalanceThreshold: '5000' });
      }
      return inner(request);
    };
    const { violations } = await runConformanceThroughPrism(prism!, {
      token: TOKEN,
      only: ['balance.schema', 'idempotency.setupIntent'],
    });
    const seen = describeViolations(unexpectedViolations(violations));
    const wrongType =
      /^balance\.schema: GET \/balance → 200: response\.body\.lowBalanceThreshold: .* must be integer$/;
    const undocumentedStatus =
      /^idempotency\.setupIntent: POST \/setup-intents → 200: response: Unable to match the returned status code with those defined in the document: 201,/;
    expect(seen.some((line) => wrongType.test(line))).toBe(true);
    expect(seen.filter((line) => undocumentedStatus.test(line))).toHaveLength(3);
    expect(seen.every((line) => /^(balance\.schema|idempotency\.setupIntent): /.test(line))).toBe(
      true,
    );
  });
});

describe('the kit against a stateless mock generated from the document (Prism)', {
  timeout: 60_000,
}, () => {
  let prism: Prism | undefined;
  beforeAll(async () => {
    prism = await startPrism({ mock: true });
  }, 60_000);
  afterAll(() => prism?.close());

  it('fails every check that needs state, and passes the schema checks on the document’s examples', async () => {
    const report = await runConformance({ baseUrl: prism!.url, token: TOKEN });
    const status = statusOf(report);
    for (const id of [
      'idempotency.replay',
      'idempotency.newKey',
      'idempotency.reuseDifferentBody',
      'idempotency.setupIntent',
      'purchase.sandboxLifecycle',
      'purchase.threeDSecure',
      'purchase.declines',
      'paymentMethods.rules',
      'transactions.pagination',
    ])
      expect([id, status[id]]).toEqual([id, 'fail']);
    expect(report.results.find((r) => r.id === 'idempotency.newKey')?.message).toMatch(
      /two keys answered the same purchase/,
    );
    expect(report.results.find((r) => r.id === 'idempotency.replay')?.message).toMatch(
      /a replay cannot be told from a new attempt/,
    );
    // Examples that keep the document's patterns: a generated answer validates.
    for (const id of [
      'config.schema',
      'balance.schema',
      'packages.schema',
      'paymentMethods.schema',
    ])
      expect([id, status[id]]).toEqual([id, 'pass']);
  });
});
