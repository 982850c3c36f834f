import * as v from 'valibot';
import {
  CreditsAbortError,
  CreditsAuthError,
  CreditsError,
  type CreditsErrorCode,
  CreditsHttpError,
  CreditsNetworkError,
  CreditsResponseError,
} from './CreditsError.js';
import type { OperationDefinition } from './operations.js';
import { problemSchema } from './schemas/problem.js';

export type HeadersResolver = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface RetryOptions {
  /** Extra attempts after the first one. Default 2. */
  retries?: number;
  /** First backoff delay; doubles each attempt, with full jitter. Default 300 ms. */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay (also caps `Retry-After`). Default 5000 ms. */
  maxDelayMs?: number;
}

export interface TransportOptions {
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  headers?: HeadersResolver;
  credentials?: RequestCredentials;
  timeoutMs?: number;
  retry?: RetryOptions | false;
  onUnauthorized?: (error: CreditsAuthError) => unknown;
}

export interface SendRequest {
  operation: OperationDefinition;
  pathParams?: Record<string, string>;
  query?: Record<string, string | number | readonly string[] | undefined>;
  body?: unknown;
  idempotencyKey?: string;
  signal?: AbortSignal | undefined;
}

/** A decoded JSON body and the status it came with. */
export interface TransportResponse {
  status: number;
  json: unknown;
}

export type Transport = (request: SendRequest) => Promise<TransportResponse>;

const STATUS_CODES: Record<number, CreditsErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  422: 'validation_failed',
  429: 'rate_limited',
  500: 'internal_error',
  502: 'service_unavailable',
  503: 'service_unavailable',
  504: 'service_unavailable',
};

const TRANSIENT_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * GETs retry on network failures and transient statuses. Requests carrying an
 * Idempotency-Key retry only where the backend cannot have charged twice by
 * contract: no response at all, a gateway error, or `idempotency_in_progress`.
 * Everything else is never retried automatically.
 */
function isRetryable(request: SendRequest, error: CreditsError): boolean {
  if (error.code === 'network_error' || error.code === 'timeout') {
    return request.operation.method === 'GET' || request.idempotencyKey !== undefined;
  }
  if (!(error instanceof CreditsHttpError)) return false;
  if (request.operation.method === 'GET') return TRANSIENT_STATUSES.has(error.status);
  if (request.idempotencyKey === undefined) return false;
  return GATEWAY_STATUSES.has(error.status) || error.code === 'idempotency_in_progress';
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal.reason));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal?.reason));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function abortError(cause: unknown): CreditsAbortError {
  return new CreditsAbortError('aborted', 'The request was aborted', { cause });
}

function parseRetryAfter(header: string | null): number | undefined {
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function buildUrl(baseUrl: string, request: SendRequest): string {
  const path = request.operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = request.pathParams?.[name];
    if (typeof value !== 'string' || value === '')
      throw new CreditsError('validation_failed', `Missing path parameter "${name}"`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const item of value) search.append(key, String(item));
    else search.append(key, String(value));
  }
  const query = search.toString();
  return `${baseUrl.replace(/\/+$/, '')}${path}${query === '' ? '' : `?${query}`}`;
}

function httpError(response: Response, text: string, idempotencyKey?: string): CreditsHttpError {
  const status = response.status;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const parsed = v.safeParse(problemSchema, body);
  const problem = parsed.success ? parsed.output : null;
  const code = problem?.code ?? STATUS_CODES[status] ?? 'http_error';
  const message = problem
    ? `${status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ''}`
    : `HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''}`;
  const options = {
    status,
    problem,
    idempotencyKey,
    retryAfterMs: parseRetryAfter(response.headers.get('Retry-After')),
  };
  if (status === 401) return new CreditsAuthError('unauthenticated', message, options);
  if (status === 403 && (problem === null || problem.code === 'forbidden')) {
    return new CreditsAuthError('forbidden', message, options);
  }
  return new CreditsHttpError(code, message, options);
}

function decodeJson(response: Response, text: string, idempotencyKey?: string): unknown {
  const type = response.headers.get('Content-Type') ?? '';
  const fail = (message: string, cause?: unknown) =>
    new CreditsResponseError(`Invalid response: ${message}`, {
      path: '',
      status: response.status,
      idempotencyKey,
      cause,
    });
  if (text.trim() === '') throw fail('the body is empty');
  if (type !== '' && !/[/+]json\b/i.test(type)) throw fail(`expected JSON, got ${type}`);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw fail('the body is not valid JSON', cause);
  }
}

/** The HTTP layer: headers, timeout, abort, retries with backoff, error mapping. */
export function createTransport(options: TransportOptions): Transport {
  const fetchImpl = options.fetch ?? ((...args) => globalThis.fetch(...args));
  const timeoutMs = options.timeoutMs ?? 15_000;
  const retry = options.retry === false ? { retries: 0 } : (options.retry ?? {});
  const retries = retry.retries ?? 2;
  const baseDelayMs = retry.baseDelayMs ?? 300;
  const maxDelayMs = retry.maxDelayMs ?? 5_000;

  async function sendOnce(request: SendRequest, url: string): Promise<TransportResponse> {
    const { signal, idempotencyKey } = request;
    if (signal?.aborted) throw abortError(signal.reason);
    const resolved =
      typeof options.headers === 'function' ? await options.headers() : options.headers;
    const headers = new Headers(resolved);
    headers.set('Accept', 'application/json, application/problem+json');
    if (request.body !== undefined) headers.set('Content-Type', 'application/json');
    if (idempotencyKey !== undefined) headers.set('Idempotency-Key', idempotencyKey);

    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const failure = (cause: unknown): CreditsError => {
      if (signal?.aborted) return abortError(signal.reason);
      if (timedOut) {
        return new CreditsNetworkError('timeout', `No response within ${timeoutMs} ms`, {
          cause,
          idempotencyKey,
        });
      }
      return new CreditsNetworkError('network_error', 'The network request failed', {
        cause,
        idempotencyKey,
      });
    };

    try {
      let response: Response;
      let text: string;
      try {
        response = await fetchImpl(url, {
          method: request.operation.method,
          headers,
          body: request.body === undefined ? undefined : JSON.stringify(request.body),
          credentials: options.credentials,
          signal: controller.signal,
        });
        text = await response.text();
      } catch (cause) {
        throw failure(cause);
      }
      if (!response.ok) throw httpError(response, text, idempotencyKey);
      return { status: response.status, json: decodeJson(response, text, idempotencyKey) };
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  return async function send(request) {
    const url = buildUrl(options.baseUrl, request);
    let attempt = 0;
    let reauthorized = false;
    for (;;) {
      try {
        return await sendOnce(request, url);
      } catch (error) {
        if (error instanceof CreditsAuthError && error.code === 'unauthenticated') {
          const again = await options.onUnauthorized?.(error);
          if (again === true && !reauthorized) {
            reauthorized = true;
            continue;
          }
          throw error;
        }
        const credits = error as CreditsError;
        if (attempt >= retries || !isRetryable(request, credits)) throw error;
        const backoff = Math.random() * Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
        const hinted = credits instanceof CreditsHttpError ? credits.retryAfterMs : undefined;
        await sleep(Math.min(maxDelayMs, hinted ?? backoff), request.signal);
        attempt += 1;
      }
    }
  };
}
