/**
 * The query parameters the OpenAPI document lists for an operation are exactly
 * the ones the client sends (the parameter docs are written by hand in
 * contract/operationDocs.ts, so only a test keeps them and the client together).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type CreditsClient, createCreditsClient } from '../src/index';

const openapi = JSON.parse(
  readFileSync(fileURLToPath(new URL('../openapi.json', import.meta.url)), 'utf8'),
) as {
  paths: Record<
    string,
    Record<string, { operationId?: string; parameters?: { in: string; name: string }[] }>
  >;
};

/** operationId → the names of its documented query parameters. */
const documented = new Map<string, string[]>();
for (const methods of Object.values(openapi.paths))
  for (const operation of Object.values(methods))
    if (operation.operationId)
      documented.set(
        operation.operationId,
        (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      );

/** Calls one client method with every parameter it takes set, and returns the query keys sent. */
async function queryKeysSent(call: (client: CreditsClient) => Promise<unknown>) {
  let url = '';
  const client = createCreditsClient({
    baseUrl: 'http://credits.test/v1',
    retry: false,
    fetch: async (input) => {
      url = String(input);
      return new Response('{}', { headers: { 'Content-Type': 'application/json' } });
    },
  });
  await call(client).catch(() => {}); // the body is not valid for the operation: only the URL matters
  return [...new Set(new URL(url).searchParams.keys())].sort();
}

const calls: Record<string, (client: CreditsClient) => Promise<unknown>> = {
  listTransactions: (client) =>
    client.listTransactions({
      cursor: 'c',
      limit: 10,
      type: ['usage'],
      websiteId: 'web_1',
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-30T00:00:00Z',
      search: 'logo',
    }),
  getUsageByWebsite: (client) =>
    client.getUsageByWebsite({
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-30T00:00:00Z',
      limit: 10,
      cursor: 'c',
    }),
  getUsageSeries: (client) =>
    client.getUsageSeries({
      from: '2026-11-01T00:00:00Z',
      to: '2026-11-30T00:00:00Z',
      bucket: 'week',
      timeZone: 'Europe/Berlin',
      groupBy: 'website',
      top: 5,
    }),
  deletePaymentMethod: (client) => client.deletePaymentMethod('pm_1', { newDefaultId: 'pm_2' }),
};

describe('query parameters: the document and the client agree', () => {
  it('every operation with documented query parameters is covered here', () => {
    const withQuery = [...documented].filter(([, names]) => names.length > 0).map(([id]) => id);
    expect(withQuery.sort()).toEqual(Object.keys(calls).sort());
  });

  it.each(Object.keys(calls))('%s sends exactly its documented query parameters', async (id) => {
    const call = calls[id] as (client: CreditsClient) => Promise<unknown>;
    expect(await queryKeysSent(call)).toEqual([...(documented.get(id) ?? [])].sort());
  });
});
