import type { IdempotentRequestOptions, RequestOptions } from '../createCreditsClient.js';
import { createIdempotencyKey } from '../createIdempotencyKey.js';
import { createOperationCaller } from '../createOperationCaller.js';
import { createTransport, type RetryOptions } from '../createTransport.js';
import type { Balance } from '../schemas/balance.js';
import type { Transaction } from '../schemas/transaction.js';
import type {
  CreateAdjustmentInput,
  CreateGrantInput,
  CreateHoldInput,
  Hold,
  RecordUsageInput,
} from './serverApiSchemas.js';
import { API_KEY_HEADER, serverOperations } from './serverOperations.js';

export interface CreditsServerClientOptions {
  /** The contract's base URL, e.g. `https://credits.internal/api/credits/v1`. */
  baseUrl: string;
  /** The secret Server API key (`sk_…`). Keep it on the server: never ship it to a browser. */
  apiKey: string;
  fetch?: typeof globalThis.fetch;
  /** Per-attempt timeout in milliseconds. Default 15 000. */
  timeoutMs?: number;
  /** Backoff for safe retries (GETs; keyed writes on no answer or a gateway error); `false` disables them. */
  retry?: RetryOptions | false;
}

/** A typed client for the Server API (CONTRACT.md): the host's backend meters, holds and grants. */
export interface CreditsServerClient {
  getBalance(accountId: string, options?: RequestOptions): Promise<Balance>;
  /** Debits the account; 402 `insufficient_credits` when short (unless it may overdraw). */
  recordUsage(
    accountId: string,
    input: RecordUsageInput,
    options?: IdempotentRequestOptions,
  ): Promise<Transaction>;
  /** Reserves credits for a job until `expiresAt`; 402 `insufficient_credits` when short. */
  createHold(
    accountId: string,
    input: CreateHoldInput,
    options?: IdempotentRequestOptions,
  ): Promise<Hold>;
  /** Takes the real cost (at most the held amount) as a usage row and frees the rest. */
  captureHold(
    accountId: string,
    holdId: string,
    credits: number,
    options?: RequestOptions,
  ): Promise<Hold>;
  /** Frees a hold's credits without spending any. */
  releaseHold(accountId: string, holdId: string, options?: RequestOptions): Promise<Hold>;
  grant(
    accountId: string,
    input: CreateGrantInput,
    options?: IdempotentRequestOptions,
  ): Promise<Transaction>;
  adjust(
    accountId: string,
    input: CreateAdjustmentInput,
    options?: IdempotentRequestOptions,
  ): Promise<Transaction>;
}

/**
 * The Server API client, for the host's own backend (Node, a worker, a route handler). It sends
 * the secret key in `X-Api-Key`; every answer is validated; every failure is a `CreditsError`.
 */
export function createCreditsServerClient(
  options: CreditsServerClientOptions,
): CreditsServerClient {
  if (!options.apiKey) throw new TypeError('createCreditsServerClient needs the Server API key');
  const send = createTransport({
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    retry: options.retry,
    headers: { [API_KEY_HEADER]: options.apiKey },
  });

  const call = createOperationCaller(send);

  const keyed = (o: IdempotentRequestOptions | undefined) => ({
    idempotencyKey: o?.idempotencyKey ?? createIdempotencyKey(),
    signal: o?.signal,
  });

  return {
    getBalance: (accountId, o) =>
      call(serverOperations.getAccountBalance, { pathParams: { accountId }, signal: o?.signal }),
    recordUsage: (accountId, input, o) =>
      call(serverOperations.recordUsage, { pathParams: { accountId }, body: input, ...keyed(o) }),
    createHold: (accountId, input, o) =>
      call(serverOperations.createHold, { pathParams: { accountId }, body: input, ...keyed(o) }),
    captureHold: (accountId, holdId, credits, o) =>
      call(serverOperations.captureHold, {
        pathParams: { accountId, holdId },
        body: { credits },
        signal: o?.signal,
      }),
    releaseHold: (accountId, holdId, o) =>
      call(serverOperations.releaseHold, { pathParams: { accountId, holdId }, signal: o?.signal }),
    grant: (accountId, input, o) =>
      call(serverOperations.createGrant, { pathParams: { accountId }, body: input, ...keyed(o) }),
    adjust: (accountId, input, o) =>
      call(serverOperations.createAdjustment, {
        pathParams: { accountId },
        body: input,
        ...keyed(o),
      }),
  };
}
