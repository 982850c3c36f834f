import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import {
  type CheckResult,
  type ConformanceOptions,
  type ConformanceReport,
  runConformance,
} from 'credits-conformance';

/**
 * Stoplight Prism, a third party's reading of our OpenAPI document: a validating proxy in
 * front of a backend (`prism proxy`), or a mock generated from the document (`prism mock`).
 * One process per use, on 127.0.0.1 and a free port; `close()` always ends it.
 */
export interface Prism {
  /** `http://127.0.0.1:PORT`: the contract's operations, at the document's own paths. */
  url: string;
  close(): Promise<void>;
}

export const documentPath = fileURLToPath(
  new URL('../packages/credits-core/openapi.json', import.meta.url),
);
const prismBin = createRequire(import.meta.url).resolve('@stoplight/prism-cli/dist/index.js');

/**
 * Starts Prism and resolves once it listens. No timer: a Prism that dies rejects with its
 * output, and the caller's hook timeout bounds a hang.
 */
export function startPrism(
  command: { mock: true } | { proxyTo: string },
  document = documentPath,
): Promise<Prism> {
  const args =
    'mock' in command
      ? ['mock', document]
      : // Without --errors: Prism forwards every request, also the invalid ones the kit sends
        // on purpose to see the backend refuse them, and reports what the document does not
        // describe in the `sl-violations` header (with --errors it answers those itself).
        ['proxy', document, command.proxyTo];
  const child = spawn(process.execPath, [prismBin, ...args, '-h', '127.0.0.1', '-p', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // Its own process group, so the test process ending for any reason (a hook timeout before
  // `close()` could be called, a crash) still ends Prism: kill it with the process.
  const killOnExit = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  return new Promise<Prism>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!listening) return;
      child.stdout?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining its log, or Prism blocks once the pipe is full.
      child.stdout?.resume();
      child.stderr?.resume();
      resolve({ url: listening[1]!, close: () => stop(child) });
    };
    const onExit = (code: number | null) =>
      reject(new Error(`prism exited (${code}) before listening:\n${output}`));
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', onExit);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // Its own process group: Prism and anything it started.
    process.kill(-child.pid!, 'SIGTERM');
  });
}

/** One entry of Prism's `sl-violations` header. */
export interface PrismViolation {
  location: string[];
  severity: string;
  code?: string | number;
  message: string;
}

/** A violation, and the check and exchange that caused it. */
export interface SeenViolation extends PrismViolation {
  check: string;
  request: string;
  status: number;
}

/**
 * The requests the kit sends invalid on purpose, to see the backend refuse them: Prism
 * rightly reports each as a request the document does not describe. Any other violation —
 * and every response violation — means the backend or the document is wrong.
 */
export const INVALID_ON_PURPOSE: Record<string, RegExp> = {
  'errors.unknownRoute': /^Selected route not found$/,
  'errors.validation':
    /required property 'idempotency-key'|idempotency-key must NOT have more than 255 characters/,
  'errors.unauthenticated': /^Invalid security scheme used$/,
  // The Server API without its key (none, or a user's token instead).
  'serverApi.auth': /^Invalid security scheme used$/,
  'errors.contentType': /content type|media type|Supported content types/i,
  'errors.invalidQuery': /must match format "date-time"|must NOT have more than 200 characters/,
  'transactions.limitBounds': /limit must be >= 1/,
  'usage.series.limits': /top must be >= 1/,
  'purchase.threeDSecure': /outcome must be equal to one of the allowed values/,
  // PUT /auto-recharge with a threshold of 0: 422 validation_failed naming the field.
  'autoRecharge.validation': /thresholdCredits must be >= 1/,
};

export function unexpectedViolations(violations: readonly SeenViolation[]): SeenViolation[] {
  return violations.filter(
    (violation) =>
      violation.location[0] !== 'request' ||
      !INVALID_ON_PURPOSE[violation.check]?.test(violation.message),
  );
}

/**
 * Runs the conformance kit through Prism's proxy and collects every violation Prism reports,
 * with the check that caused it.
 */
export async function runConformanceThroughPrism(
  prism: Prism,
  options: Omit<ConformanceOptions, 'baseUrl' | 'fetch' | 'onResult'>,
): Promise<{ report: ConformanceReport; violations: SeenViolation[] }> {
  const violations: SeenViolation[] = [];
  let pending: Omit<SeenViolation, 'check'>[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const header = response.headers.get('sl-violations');
    if (header) {
      const request = `${init?.method ?? 'GET'} ${String(input).replace(prism.url, '')}`;
      for (const violation of JSON.parse(header) as PrismViolation[])
        pending.push({ ...violation, request, status: response.status });
    }
    return response;
  };
  const report = await runConformance({
    ...options,
    // Prism's proxy answers once the upstream response has ended: an event stream never does.
    events: false,
    baseUrl: prism.url,
    fetch: recordingFetch,
    onResult: (result: CheckResult) => {
      violations.push(...pending.map((violation) => ({ ...violation, check: result.id })));
      pending = [];
    },
  });
  return { report, violations };
}

/** One line per violation, for a readable assertion failure. */
export const describeViolations = (violations: readonly SeenViolation[]) =>
  violations.map(
    (v) => `${v.check}: ${v.request} → ${v.status}: ${v.location.join('.')}: ${v.message}`,
  );
