#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { formatReport, formatResult } from './formatReport.js';
import { runConformance } from './runConformance.js';

const usage = `Usage: credits-conformance --base-url URL [--token T] [--header "Name: value"]… [--only PREFIX]… [--json]

Runs the credits contract's checks against a backend over HTTP and exits 1 if any fails.
Checks that buy credits use sandbox payments: point it at a test-mode account.`;

async function main() {
  const { values } = parseArgs({
    options: {
      'base-url': { type: 'string' },
      token: { type: 'string' },
      header: { type: 'string', multiple: true },
      only: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help || !values['base-url']) {
    console.log(usage);
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
    headers: Object.keys(headers).length ? headers : undefined,
    only: values.only,
    onResult: values.json ? undefined : (result) => console.log(formatResult(result)),
  });
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else console.log(formatReport(report).split('\n').at(-1));
  process.exitCode = report.failed > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
});
