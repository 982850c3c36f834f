#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { formatHeader, formatReport, formatResult } from './formatReport.js';
import { runConformance } from './runConformance.js';

const usage = `Usage: credits-conformance --base-url URL [--token T] [--api-key K --account-id A] [--header "Name: value"]… [--only PREFIX]… [--json]

Runs the credits contract's checks against a backend over HTTP and exits 1 if any fails.
A check that does not apply, or has too little data to prove anything, is skipped (not passed).
Checks that buy credits and save cards use sandbox payments: point it at a test-mode account.
With the Server API's secret key (--api-key, or CREDITS_API_KEY) and the account the token signs
in as (--account-id), it also checks the Server API: usage, holds (under concurrency, and
expiry), grants and adjustments — on that account.`;

/** The CLI's output is its interface: results to stdout, problems to stderr. */
const print = (text: string) => process.stdout.write(`${text}\n`);
const printError = (text: string) => process.stderr.write(`${text}\n`);

async function main() {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      'api-key': { type: 'string' },
      'account-id': { type: 'string' },
      header: { type: 'string', multiple: true },
      only: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values['base-url']) {
    (values.help ? print : printError)(usage);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const headers: Record<string, string> = {};
  for (const header of values.header ?? []) {
    const at = header.indexOf(':');
    if (at <= 0) throw new Error(`--header "${header}" must look like "Name: value"`);
    headers[header.slice(0, at).trim()] = header.slice(at + 1).trim();
  }
  const report = await runConformance({
    baseUrl: values['base-url'],
    token: values.token ?? process.env.CREDITS_TOKEN,
    apiKey: values['api-key'] ?? process.env.CREDITS_API_KEY,
    accountId: values['account-id'],
    headers: Object.keys(headers).length ? headers : undefined,
    only: values.only,
    onStart: values.json ? undefined : (target) => print(formatHeader(target)),
    onResult: values.json ? undefined : (result) => print(formatResult(result)),
  });
  if (values.json) print(JSON.stringify(report, null, 2));
  else print(formatReport(report).split('\n').at(-1) ?? '');
  process.exitCode = report.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  printError(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
