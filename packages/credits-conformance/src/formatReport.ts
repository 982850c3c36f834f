import type { CheckResult, ConformanceReport, ConformanceTarget, Exchange } from './types.js';

const excerpt = (value: unknown, max = 400) => {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? '' : text.length > max ? `${text.slice(0, max)}…` : text;
};

function formatExchange(exchange: Exchange): string[] {
  const key = exchange.requestHeaders['Idempotency-Key'];
  return [
    `      → ${exchange.method} ${exchange.url}${key ? `  Idempotency-Key: ${key}` : ''}${
      exchange.requestBody === undefined ? '' : `  ${excerpt(exchange.requestBody)}`
    }`,
    `      ← ${exchange.status} ${exchange.responseHeaders['content-type'] ?? ''}  ${excerpt(exchange.responseBody)}`,
  ];
}

export function formatResult(result: CheckResult): string {
  const mark = { pass: '✓', fail: '✗', skip: '–' }[result.status];
  const lines = [`  ${mark} ${result.id.padEnd(30)} ${result.title}`];
  if (result.status === 'skip') lines.push(`      skipped: ${result.message}`);
  if (result.status === 'fail') {
    lines.push(`      ${result.message}`);
    if (result.exchange) lines.push(...formatExchange(result.exchange));
  }
  return lines.join('\n');
}

/** The report's first line: what the run is against. */
export function formatHeader(target: ConformanceTarget): string {
  return `credits-conformance against ${target.baseUrl} (mode: ${target.mode ?? 'unknown'}, contract ${target.apiVersion ?? 'unknown'})`;
}

/** A plain-text report: one line per check, the request that failed, and a closing count. */
export function formatReport(report: ConformanceReport): string {
  return [
    formatHeader(report),
    ...report.results.map(formatResult),
    `${report.passed} passed, ${report.failed} failed${report.skipped ? `, ${report.skipped} skipped` : ''}`,
  ].join('\n');
}
