import { MAX_BODY_BYTES } from 'credits-core/server';
import { createCreditsHandlers } from 'credits-msw';
import { createFetchHandler } from 'credits-msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CreditsServer, createCreditsServer } from '../src/createCreditsServer';
import { TEST_API_KEY } from './serverApiKey';

/**
 * The attacks of issue 13 that answered 500 (or read without bound) before: each is refused
 * with a 400 or 413 problem by both backends of the contract, credits-server (PGlite) and
 * credits-msw, through their fetch handlers.
 */
const base = 'http://backend.test/api/credits/v1';
type Fetch = (request: Request) => Promise<Response>;

let server: CreditsServer;
const backends: [string, () => Fetch][] = [
  ['credits-server', () => server.fetch],
  ['credits-msw', () => createFetchHandler(createCreditsHandlers({ serverApiKey: TEST_API_KEY }))],
];
beforeAll(async () => {
  server = createCreditsServer({ auth: { kind: 'demo' }, serverApiKeys: [TEST_API_KEY] });
  await server.ready;
}, 60_000);
afterAll(() => server?.close());

const headers = { authorization: 'Bearer limits', 'content-type': 'application/json' };
const get = (fetch: Fetch, path: string) => fetch(new Request(`${base}${path}`, { headers }));
const post = (fetch: Fetch, path: string, body: string, key = crypto.randomUUID()) =>
  fetch(
    new Request(`${base}${path}`, {
      method: 'POST',
      headers: { ...headers, 'idempotency-key': key },
      body,
    }),
  );
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** The answer as a user of the API sees it: a status and a problem body naming the fault. */
async function problem(response: Response) {
  const body = (await response.json()) as { code?: string; errors?: { path: string }[] };
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    code: body.code,
    paths: body.errors?.map((error) => error.path),
  };
}

describe.each(backends)('%s refuses', (_, backend) => {
  let fetch: Fetch;
  beforeAll(() => {
    fetch = backend();
  });

  it('a body over the limit with 413 (one 100 MiB POST stalled other users)', async () => {
    const body = JSON.stringify({ packageId: 'pkg_10k', pad: 'x'.repeat(MAX_BODY_BYTES) });
    expect(await problem(await post(fetch, '/purchases', body))).toMatchObject({
      status: 413,
      type: expect.stringContaining('application/problem+json'),
    });
  });

  it('a NUL byte in a body string with 400 naming the field', async () => {
    const body = JSON.stringify({ packageId: 'pkg\u000010k' });
    expect(await problem(await post(fetch, '/purchases', body))).toMatchObject({
      status: 400,
      code: 'validation_failed',
      paths: ['packageId'],
    });
  });

  it('a NUL byte in a search or a path with 400', async () => {
    for (const path of [
      '/transactions?search=a%00b',
      '/purchases/pur_%00',
      '/transactions?websiteId=%00',
    ]) {
      expect((await problem(await get(fetch, path))).status, path).toBe(400);
    }
  });

  it('dates outside what PostgreSQL stores with 400 naming the parameter', async () => {
    for (const date of [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00+23:59',
      '0999-12-31T00:00:00Z',
    ]) {
      const answer = await problem(
        await get(fetch, `/transactions?from=${encodeURIComponent(date)}`),
      );
      expect(answer, date).toMatchObject({ status: 400, paths: ['from'] });
    }
    const usage = await problem(await get(fetch, '/usage/websites?to=0000-06-01T00:00:00Z'));
    expect(usage).toMatchObject({ status: 400, paths: ['to'] });
  });

  it('an oversized cursor with 400 naming the cursor', async () => {
    const filters = JSON.stringify([[], '', '', '', '']);
    for (const cursor of [cursorOf({ s: 1e300, f: filters }), 'x'.repeat(10_000)]) {
      const answer = await problem(await get(fetch, `/transactions?cursor=${cursor}`));
      expect(answer).toMatchObject({ status: 400, paths: ['cursor'] });
    }
  });

  it('deeply nested JSON with 400', async () => {
    const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
    const answer = await problem(await post(fetch, '/purchases', `{"packageId":${deep}}`));
    expect(answer).toMatchObject({ status: 400, code: 'validation_failed' });
  });

  it('strings over the contract’s maxLength with 400 naming them', async () => {
    const websiteId = await problem(await get(fetch, `/transactions?websiteId=${'w'.repeat(129)}`));
    expect(websiteId).toMatchObject({ status: 400, paths: ['websiteId'] });
    const usage = JSON.stringify({
      credits: 1,
      description: 'Website generation',
      websiteId: 'web_1',
      websiteName: 'n'.repeat(201),
      websiteUrl: `https://example.com/${'u'.repeat(2_048)}`,
    });
    // The Server API's usage body has the same limits (the host's backend, with the secret key).
    const answer = await problem(
      await fetch(
        new Request(`${base}/server/accounts/acct_demo/usage`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': crypto.randomUUID(),
            'x-api-key': TEST_API_KEY,
          },
          body: usage,
        }),
      ),
    );
    expect(answer).toMatchObject({ status: 400, paths: ['websiteName', 'websiteUrl'] });
  });
});
