import { CheckFailure, CheckSkipped } from './CheckFailure.js';
import { autoRechargeChecks } from './checks/autoRechargeChecks.js';
import { errorChecks } from './checks/errorChecks.js';
import { eventChecks } from './checks/eventChecks.js';
import { idempotencyChecks } from './checks/idempotencyChecks.js';
import { ledgerChecks } from './checks/ledgerChecks.js';
import { ledgerFilterChecks } from './checks/ledgerFilterChecks.js';
import { lotChecks } from './checks/lotChecks.js';
import { paymentMethodChecks } from './checks/paymentMethodChecks.js';
import { purchaseChecks } from './checks/purchaseChecks.js';
import { readChecks } from './checks/readChecks.js';
import { serverApiChecks } from './checks/serverApiChecks.js';
import { usageChecks } from './checks/usageChecks.js';
import { type Check, createCheckContext } from './createCheckContext.js';
import type { CheckResult, ConformanceOptions, ConformanceReport } from './types.js';

/**
 * Every check, in the order they run: reads that mean something on any account, then the ones
 * that buy and change cards, the Server API's (with its key), then the ledger reads, which so
 * find the rows those purchases and the Server API made (and buy what they still need).
 */
export const conformanceChecks: readonly Check[] = [
  ...readChecks,
  ...usageChecks,
  ...errorChecks,
  ...idempotencyChecks,
  ...purchaseChecks,
  ...paymentMethodChecks,
  ...serverApiChecks,
  ...lotChecks,
  ...autoRechargeChecks,
  ...ledgerChecks,
  ...ledgerFilterChecks,
  ...eventChecks,
];

/**
 * Runs the contract's checks against a backend over HTTP. Checks that buy
 * credits use sandbox payments (test mode only): point it at a test account.
 */
export async function runConformance(options: ConformanceOptions): Promise<ConformanceReport> {
  const context = createCheckContext(options);
  const selected = conformanceChecks.filter(
    (check) => !options.only?.length || options.only.some((prefix) => check.id.startsWith(prefix)),
  );
  const target = async () => {
    const config = await context.getConfig().catch(() => undefined);
    return { baseUrl: options.baseUrl, mode: config?.mode, apiVersion: config?.apiVersion };
  };
  options.onStart?.(await target());
  const results: CheckResult[] = [];
  for (const check of selected) {
    const started = performance.now();
    let result: CheckResult;
    try {
      await check.run(context);
      result = { id: check.id, title: check.title, status: 'pass', durationMs: 0 };
    } catch (error) {
      const base = { id: check.id, title: check.title, durationMs: 0 };
      if (error instanceof CheckSkipped)
        result = { ...base, status: 'skip', message: error.message };
      else if (error instanceof CheckFailure)
        result = { ...base, status: 'fail', message: error.message, exchange: error.exchange };
      else
        result = {
          ...base,
          status: 'fail',
          message: `the check could not run: ${describeError(error)}`,
        };
    }
    result.durationMs = Math.round(performance.now() - started);
    results.push(result);
    options.onResult?.(result);
  }
  return {
    ...(await target()),
    results,
    passed: results.filter((r) => r.status === 'pass').length,
    failed: results.filter((r) => r.status === 'fail').length,
    skipped: results.filter((r) => r.status === 'skip').length,
  };
}

/** An error's message and, for a failed fetch, why it failed (`ECONNREFUSED 127.0.0.1:9`). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  const why = cause?.message ?? cause?.code;
  return why && !error.message.includes(why) ? `${error.message} (${why})` : error.message;
}
