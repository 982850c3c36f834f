import type { Exchange } from './types.js';

export interface HttpRequest {
  /** Query parameters; an array repeats the parameter (`type=usage&type=refund`). */
  query?: Record<string, string | number | readonly string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Send the configured credentials. Default true. */
  auth?: boolean;
  /** A Server API request: the secret key in `X-Api-Key`, and no user credentials. */
  server?: boolean;
}

export interface HttpResponse extends Exchange {
  json: unknown;
}

const MAX_TEXT = 2_000;

/** A recording HTTP client: raw status, headers and body, not the credits-core client's interpretation. */
export function createHttp(options: {
  baseUrl: string;
  token?: string;
  apiKey?: string;
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
}) {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  const base = options.baseUrl.replace(/\/+$/, '');

  return async function request(
    method: string,
    path: string,
    init: HttpRequest = {},
  ): Promise<HttpResponse> {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(init.query ?? {})) {
      for (const item of Array.isArray(value) ? value : [value])
        if (item !== undefined) search.append(key, String(item));
    }
    const url = `${base}${path}${search.size > 0 ? `?${search}` : ''}`;
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
    };
    if (init.server) {
      if (init.auth !== false && options.apiKey) headers['X-Api-Key'] = options.apiKey;
    } else if (init.auth !== false) {
      Object.assign(headers, options.headers);
      if (options.token) headers.Authorization = `Bearer ${options.token}`;
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, init.headers);

    const response = await fetchImpl(url, {
      method,
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      json = undefined;
    }
    const shown = { ...headers };
    if (shown.Authorization) shown.Authorization = 'Bearer ***';
    if (shown['X-Api-Key']) shown['X-Api-Key'] = '***';
    return {
      method,
      url,
      requestHeaders: shown,
      requestBody: init.body,
      status: response.status,
      responseHeaders: Object.fromEntries(response.headers),
      responseBody: json === undefined ? text.slice(0, MAX_TEXT) : json,
      json,
    };
  };
}

export type Http = ReturnType<typeof createHttp>;
