import { type CreditsConfig, configSchema, createIdempotencyKey, parseWith } from 'credits-core';
import type * as v from 'valibot';
import { CheckFailure, CheckSkipped } from './CheckFailure.js';
import { createHttp, type Http, type HttpResponse } from './createHttp.js';
import type { ConformanceOptions } from './types.js';

/** What every check gets: a recording HTTP client and assertions that explain themselves. */
export interface CheckContext {
  http: Http;
  options: ConformanceOptions;
  settleTimeoutMs: number;
  /** A fresh Idempotency-Key. */
  key(): string;
  expectStatus(response: HttpResponse, ...statuses: number[]): void;
  /** Asserts an RFC 9457 problem with this status (and code). */
  expectProblem(response: HttpResponse, status: number, code?: string): void;
  /** Asserts a 2xx JSON answer that matches the contract schema, and returns it parsed. */
  parse<TSchema extends v.GenericSchema>(
    schema: TSchema,
    response: HttpResponse,
    what: string,
  ): v.InferOutput<TSchema>;
  /**
   * `GET /config`, fetched once. When it fails, every check that needs it is skipped and
   * points at `config.schema`, which reports the failure once.
   */
  getConfig(): Promise<CreditsConfig>;
  /** Skips the check unless the backend is in test mode. */
  requireTestMode(): Promise<void>;
}

export function createCheckContext(options: ConformanceOptions): CheckContext {
  const http = createHttp(options);
  let config: Promise<CreditsConfig> | undefined;

  function expectStatus(response: HttpResponse, ...statuses: number[]) {
    if (!statuses.includes(response.status)) {
      throw new CheckFailure(
        `expected HTTP ${statuses.join(' or ')}, got ${response.status}`,
        response,
      );
    }
  }

  function parse<TSchema extends v.GenericSchema>(
    schema: TSchema,
    response: HttpResponse,
    what: string,
  ): v.InferOutput<TSchema> {
    expectStatus(response, 200, 201);
    const type = response.responseHeaders['content-type'] ?? '';
    if (!/json/i.test(type))
      throw new CheckFailure(`${what}: expected a JSON content type, got "${type}"`, response);
    const result = parseWith(schema, response.json);
    if (!result.success) {
      throw new CheckFailure(
        `${what} breaks the contract: ${result.error.message.replace(/^Invalid response: /, '')}`,
        response,
      );
    }
    return result.output;
  }

  function expectProblem(response: HttpResponse, status: number, code?: string) {
    expectStatus(response, status);
    const type = response.responseHeaders['content-type'] ?? '';
    if (!type.includes('application/problem+json')) {
      throw new CheckFailure(`an error must be application/problem+json, got "${type}"`, response);
    }
    const body = response.json as { code?: unknown; status?: unknown; title?: unknown } | undefined;
    if (!body || typeof body.code !== 'string' || typeof body.title !== 'string') {
      throw new CheckFailure(
        'a problem needs a string `title` and a stable string `code`',
        response,
      );
    }
    if (body.status !== undefined && body.status !== status) {
      throw new CheckFailure(
        `problem.status ${String(body.status)} differs from the HTTP status ${status}`,
        response,
      );
    }
    if (code && body.code !== code)
      throw new CheckFailure(`expected code "${code}", got "${body.code}"`, response);
  }

  function getConfig(): Promise<CreditsConfig> {
    config ??= http('GET', '/config').then((response) =>
      parse(configSchema, response, 'GET /config'),
    );
    return config.catch(() => {
      throw new CheckSkipped('it needs GET /config, which failed: see config.schema');
    });
  }

  async function requireTestMode() {
    if ((await getConfig()).mode !== 'test')
      throw new CheckSkipped('the backend is in live mode: sandbox payments are refused there');
  }

  return {
    http,
    options,
    settleTimeoutMs: options.settleTimeoutMs ?? 30_000,
    key: createIdempotencyKey,
    expectStatus,
    expectProblem,
    parse,
    getConfig,
    requireTestMode,
  };
}

export interface Check {
  id: string;
  title: string;
  run(context: CheckContext): Promise<void>;
}
