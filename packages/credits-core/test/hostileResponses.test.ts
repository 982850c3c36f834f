/**
 * Hostile backends over real HTTP (MSW at the network edge): giant bodies,
 * non-JSON, wrong content types, truncated or oddly encoded JSON. Every call
 * either resolves with validated data or rejects with a typed `CreditsError`
 * whose message stays short, whatever the size of the body.
 */
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import {
  type CreditsError,
  CreditsHttpError,
  CreditsNetworkError,
  CreditsResponseError,
  createCreditsClient,
} from '../src/index';
import { BASE_URL, balance, problem } from './fixtures';
import { rejection } from './rejection';
import { listenWithMsw, server } from './server';

listenWithMsw();

const client = createCreditsClient({ baseUrl: BASE_URL, retry: false });

const MB = 1024 * 1024;
/** An error message is for logs: it never grows with the body. */
const MAX_MESSAGE = 1024;
const balanceJson = JSON.stringify(balance);

function answerBalance(respond: () => Response) {
  server.use(http.get(`${BASE_URL}/balance`, respond));
}

/** A 200 carrying `body` as is, with the given Content-Type. */
function body(text: string | Uint8Array, type = 'application/json', status = 200) {
  return () => new HttpResponse(text, { status, headers: { 'Content-Type': type } });
}

/** A body of raw bytes and no Content-Type header at all. */
function untyped(text: string) {
  return () => new HttpResponse(new TextEncoder().encode(text));
}

/** Asserts a typed failure: the class, the stable code, a short readable message. */
async function failsWith<TError extends CreditsError>(
  promise: Promise<unknown>,
  errorClass: abstract new (...args: never[]) => TError,
  code: string,
): Promise<TError> {
  const error = await rejection<TError>(promise);
  expect(error).toBeInstanceOf(errorClass);
  expect(error.code).toBe(code);
  expect(error.message.length, error.message.slice(0, 120)).toBeLessThanOrEqual(MAX_MESSAGE);
  expect(error.message).not.toMatch(/<(!doctype|html|body)/i);
  return error;
}

describe('a 200 the client cannot use is invalid_response, with a short message', () => {
  it.each<[string, () => Response, string, RegExp]>([
    [
      'valid JSON with a 10 MB string in a field',
      body(JSON.stringify({ ...balance, updatedAt: 'x'.repeat(10 * MB) })),
      'updatedAt',
      /^Invalid response: `updatedAt`: Invalid timestamp/,
    ],
    ['10 MB of text that is not JSON', body('x'.repeat(10 * MB)), '', /not valid JSON/],
    [
      '10 MB of JSON cut off mid-string',
      body(`{"total": 60000, "padding": "${'x'.repeat(10 * MB)}`),
      '',
      /not valid JSON/,
    ],
    [
      'a 10 MB HTML page',
      body(`<!doctype html><html><body>${'<p>Sign in</p>'.repeat(MB)}</body></html>`, 'text/html'),
      '',
      /expected JSON, got text\/html/,
    ],
    ['non-JSON text with a JSON content type', body('OK'), '', /not valid JSON/],
    [
      'an HTML login page with status 200',
      () => HttpResponse.html('<!doctype html><html><body><h1>Sign in</h1></body></html>'),
      '',
      /expected JSON, got text\/html/,
    ],
    ['an empty body', () => new HttpResponse(null, { status: 200 }), '', /the body is empty/],
    ['a body of whitespace', body(' \r\n\t '), '', /the body is empty/],
    ['valid JSON sent as text/plain', body(balanceJson, 'text/plain'), '', /got text\/plain/],
    ['valid JSON sent as XML', body(balanceJson, 'application/xml'), '', /got application\/xml/],
    [
      'a 10 KB Content-Type header',
      body(balanceJson, `text/html; x=${'a'.repeat(10_000)}`),
      '',
      /^Invalid response: expected JSON, got text\/html; x=a+$/,
    ],
    ['null', body('null'), '', /the response body.*Invalid type/],
    // valibot checks objects with `typeof`, so an array fails on its first missing key.
    ['an array', body('[]'), 'total', /`total`: Invalid key/],
    ['a number', body('42'), '', /the response body.*Invalid type/],
    ['a string', body('"balance"'), '', /the response body.*Invalid type/],
    [
      'a problem document with status 200',
      body(JSON.stringify(problem(500, 'internal_error', 'Boom')), 'application/problem+json'),
      'total',
      /`total`/,
    ],
    ['truncated JSON', body(balanceJson.slice(0, 40)), '', /not valid JSON/],
    [
      'JSON encoded as UTF-16 with its BOM',
      body(new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(balanceJson, 'utf16le'))])),
      '',
      /not valid JSON/,
    ],
    // Only a leading BOM is stripped (Node's fetch strips even two in a row; browsers one).
    ['a byte-order mark after whitespace', body(` \uFEFF${balanceJson}`), '', /not valid JSON/],
    [
      'duplicate keys whose last value is wrong',
      body(`${balanceJson.slice(0, -1)}, "total": "60000"}`),
      'total',
      /`total`/,
    ],
    [
      'a number too large for a double (1e400 parses as Infinity)',
      body(balanceJson.replace('"total":60000', '"total":1e400')),
      'total',
      /`total`: Invalid safe integer/,
    ],
    [
      'a 100 000-deep array as the body',
      body(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
      'total',
      /`total`: Invalid key/,
    ],
  ])('%s', async (_, respond, path, message) => {
    answerBalance(respond);
    const error = await failsWith(client.getBalance(), CreditsResponseError, 'invalid_response');
    expect(error.path).toBe(path);
    expect(error.message).toMatch(message);
    expect(error.status).toBe(200);
    // The error keeps where and what went wrong, never the body's megabytes.
    expect(JSON.stringify(error.cause ?? null).length).toBeLessThanOrEqual(MAX_MESSAGE);
  });

  it('a ledger page with every row broken keeps a short list of what went wrong', async () => {
    const row = { id: 't', createdAt: 'x'.repeat(10_000), type: 'usage', description: 'd' };
    server.use(
      http.get(`${BASE_URL}/transactions`, () =>
        HttpResponse.json({ data: Array.from({ length: 1_000 }, () => row), nextCursor: null }),
      ),
    );
    const error = await failsWith(
      client.listTransactions(),
      CreditsResponseError,
      'invalid_response',
    );
    expect(error.path).toBe('data.0.createdAt');
    expect(error.cause).toHaveLength(10);
    expect(JSON.stringify(error.cause).length).toBeLessThanOrEqual(MAX_MESSAGE * 2);
  });

  it('keeps the idempotency key on a purchase answered with an HTML page', async () => {
    server.use(http.post(`${BASE_URL}/purchases`, () => HttpResponse.html('<h1>Bad gateway</h1>')));
    const error = await failsWith(
      client.createPurchase({ packageId: 'pkg_10k' }, { idempotencyKey: 'key-1' }),
      CreditsResponseError,
      'invalid_response',
    );
    expect(error.idempotencyKey).toBe('key-1');
  });
});

describe('odd but valid JSON is accepted, and validated', () => {
  it.each<[string, () => Response]>([
    ['a UTF-8 byte-order mark before valid JSON (fetch strips it)', body(`\uFEFF${balanceJson}`)],
    [
      'duplicate keys whose last value is right (JSON.parse keeps the last)',
      body(balanceJson.replace('{', '{"total": "nonsense", ')),
    ],
    ['a 10 MB unknown field', body(JSON.stringify({ ...balance, debug: 'x'.repeat(10 * MB) }))],
    [
      'a 100 000-deep unknown field',
      body(balanceJson.replace('{', `{"trace": ${'['.repeat(100_000)}${']'.repeat(100_000)}, `)),
    ],
    ['no Content-Type header at all', untyped(balanceJson)],
  ])('%s', async (_, respond) => {
    answerBalance(respond);
    await expect(client.getBalance()).resolves.toEqual(balance);
  });

  it('a __proto__ field neither reaches the output nor pollutes prototypes', async () => {
    answerBalance(body(balanceJson.replace('{', '{"__proto__": {"polluted": true}, ')));
    const read = await client.getBalance();
    expect(read).toEqual(balance);
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
});

describe('error statuses are http errors with a short message, whatever the body', () => {
  it.each<[string, () => Response, string]>([
    [
      'a 500 with an HTML page',
      body(
        '<!doctype html><html><body><h1>Internal Server Error</h1></body></html>',
        'text/html',
        500,
      ),
      'internal_error',
    ],
    [
      'a 500 with a 10 MB HTML page',
      body(
        `<!doctype html><html><body>${'<pre>stack</pre>'.repeat(MB)}</body></html>`,
        'text/html',
        500,
      ),
      'internal_error',
    ],
    [
      'a 502 with truncated JSON',
      body('{"title": "Bad gat', 'application/json', 502),
      'service_unavailable',
    ],
    ['a 418 with an empty body', () => new HttpResponse(null, { status: 418 }), 'http_error'],
    [
      'a 404 with a 10 KB status text',
      () => new HttpResponse('missing', { status: 404, statusText: 'N'.repeat(10_000) }),
      'not_found',
    ],
  ])('%s', async (_, respond, code) => {
    answerBalance(respond);
    const error = await failsWith(client.getBalance(), CreditsHttpError, code);
    expect(error.problem).toBeNull();
    expect(error.message).toMatch(/^HTTP \d{3}/);
  });

  it('a problem document with a 10 MB detail keeps its code; the message is clipped', async () => {
    const detail = 'd'.repeat(10 * MB);
    answerBalance(() =>
      HttpResponse.json(
        { ...problem(500, 'internal_error', 'Database down'), detail },
        {
          status: 500,
          headers: { 'Content-Type': 'application/problem+json' },
        },
      ),
    );
    const error = await failsWith(client.getBalance(), CreditsHttpError, 'internal_error');
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/^500 Database down: d+$/);
    expect(error.problem?.detail).toHaveLength(10 * MB);
  });

  it('a problem document with a 10 MB title keeps its code; the message is clipped', async () => {
    answerBalance(() =>
      HttpResponse.json(problem(503, 'service_unavailable', 'T'.repeat(10 * MB)), { status: 503 }),
    );
    const error = await failsWith(client.getBalance(), CreditsHttpError, 'service_unavailable');
    expect(error.message).toMatch(/^503 T+$/);
  });
});

describe('a connection that breaks is a network error', () => {
  it('a body stream that fails halfway', async () => {
    answerBalance(
      () =>
        new HttpResponse(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode(balanceJson.slice(0, 30)));
              controller.error(new Error('connection reset'));
            },
          }),
          { headers: { 'Content-Type': 'application/json' } },
        ),
    );
    await failsWith(client.getBalance(), CreditsNetworkError, 'network_error');
  });

  it('a response that never arrives', async () => {
    answerBalance(() => HttpResponse.error());
    await failsWith(client.getBalance(), CreditsNetworkError, 'network_error');
  });
});
