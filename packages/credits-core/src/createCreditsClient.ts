import type { CreditsAuthError } from './CreditsError.js';
import { createIdempotencyKey } from './createIdempotencyKey.js';
import { createOperationCaller } from './createOperationCaller.js';
import { createTransport, type TransportOptions } from './createTransport.js';
import type { EventStreamRequest } from './live/readEventStream.js';
import { operations } from './operations.js';
import { parseWith } from './parseWith.js';
import type { Balance } from './schemas/balance.js';
import type { CreditsConfig } from './schemas/config.js';
import type { CreatePurchaseInput } from './schemas/createPurchaseBody.js';
import type { CreditPackageList } from './schemas/creditPackage.js';
import type { PaymentMethodList } from './schemas/paymentMethod.js';
import type { Purchase } from './schemas/purchase.js';
import type { SandboxAuthenticateInput, SandboxConfirmInput } from './schemas/sandbox.js';
import type { SetupIntent } from './schemas/setupIntent.js';
import type { TransactionPage, TransactionType } from './schemas/transaction.js';
import type { UsageByWebsite } from './schemas/usage.js';
import type { UsageBucketUnit, UsageSeries } from './schemas/usageSeries.js';

export interface CreditsClientOptions extends TransportOptions {
  /** Where the backend implementing the credits contract lives, e.g. `https://api.example.com/credits/v1`. */
  baseUrl: string;
  /** A `fetch` to use instead of the global one (tests, SSR with cookies, instrumentation). */
  fetch?: typeof globalThis.fetch;
  /** Extra headers, or a (sync or async) function returning them — called per request, so a fresh token is sent each time. */
  headers?: TransportOptions['headers'];
  credentials?: RequestCredentials;
  /** Per-attempt timeout in milliseconds, including reading the body. Default 15 000. */
  timeoutMs?: number;
  /** Backoff for safe retries; `false` disables them. */
  retry?: TransportOptions['retry'];
  /**
   * Called on every 401. Refresh a token and return `true` to retry the request
   * once with fresh headers, or sign the user out and return nothing.
   */
  onUnauthorized?: (error: CreditsAuthError) => boolean | undefined | Promise<boolean | undefined>;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface IdempotentRequestOptions extends RequestOptions {
  /**
   * The attempt's key. Pass the same key when retrying the same attempt (the
   * backend then returns the first result instead of charging again); omit it
   * and one is generated, reused by the client's own network retries.
   */
  idempotencyKey?: string;
}

/** Server-side filters of the ledger. */
export interface TransactionFilters {
  type?: TransactionType | readonly TransactionType[];
  websiteId?: string;
  /** Inclusive lower bound, ISO 8601. */
  from?: string;
  /** Exclusive upper bound, ISO 8601. */
  to?: string;
  /** Free text matched by the backend against description and website name. */
  search?: string;
}

export interface ListTransactionsParams extends TransactionFilters {
  cursor?: string | null;
  limit?: number;
}

export interface UsageByWebsiteParams {
  from?: string;
  to?: string;
  /** Websites per page, 1 to `Config.limits.maxPageSize`. */
  limit?: number;
  /** The previous page's `nextCursor`. */
  cursor?: string | null;
}

export interface UsageSeriesParams {
  /** Inclusive start, ISO 8601. */
  from: string;
  /** Exclusive end, ISO 8601. */
  to: string;
  bucket?: UsageBucketUnit;
  /** IANA time zone the buckets follow (default `UTC`). */
  timeZone?: string;
  groupBy?: 'website';
  /** Websites with a series of their own when grouped; the rest are "other". */
  top?: number;
}

export interface DeletePaymentMethodParams {
  /** Required when deleting the default while other methods remain. */
  newDefaultId?: string;
}

export interface CreditsClient {
  /**
   * Where and how the client calls the backend (base URL, fetch, headers, credentials): what
   * `credits-core/live` opens the event stream with, so it authenticates as every call does.
   */
  readonly connection?: EventStreamRequest;
  getConfig(options?: RequestOptions): Promise<CreditsConfig>;
  getBalance(options?: RequestOptions): Promise<Balance>;
  listTransactions(
    params?: ListTransactionsParams,
    options?: RequestOptions,
  ): Promise<TransactionPage>;
  getUsageByWebsite(
    params?: UsageByWebsiteParams,
    options?: RequestOptions,
  ): Promise<UsageByWebsite>;
  getUsageSeries(params: UsageSeriesParams, options?: RequestOptions): Promise<UsageSeries>;
  listPackages(options?: RequestOptions): Promise<CreditPackageList>;
  createPurchase(input: CreatePurchaseInput, options?: IdempotentRequestOptions): Promise<Purchase>;
  getPurchase(purchaseId: string, options?: RequestOptions): Promise<Purchase>;
  listPaymentMethods(options?: RequestOptions): Promise<PaymentMethodList>;
  createSetupIntent(options?: IdempotentRequestOptions): Promise<SetupIntent>;
  setDefaultPaymentMethod(
    paymentMethodId: string,
    options?: RequestOptions,
  ): Promise<PaymentMethodList>;
  deletePaymentMethod(
    paymentMethodId: string,
    params?: DeletePaymentMethodParams,
    options?: RequestOptions,
  ): Promise<PaymentMethodList>;
  /** Test-mode operations that complete payments with Stripe's test tokens, offline. */
  sandbox: {
    confirmPurchase(
      purchaseId: string,
      input: SandboxConfirmInput,
      options?: RequestOptions,
    ): Promise<Purchase>;
    authenticatePurchase(
      purchaseId: string,
      input: SandboxAuthenticateInput,
      options?: RequestOptions,
    ): Promise<Purchase>;
    confirmSetupIntent(
      setupIntentId: string,
      input: SandboxConfirmInput,
      options?: RequestOptions,
    ): Promise<SetupIntent>;
    authenticateSetupIntent(
      setupIntentId: string,
      input: SandboxAuthenticateInput,
      options?: RequestOptions,
    ): Promise<SetupIntent>;
  };
}

/**
 * A typed client for any backend implementing the credits contract. Every
 * response is validated; every failure is a `CreditsError` with a stable `code`.
 */
export function createCreditsClient(options: CreditsClientOptions): CreditsClient {
  const send = createTransport(options);

  const call = createOperationCaller(send);

  const keyed = (key: string | undefined) => key ?? createIdempotencyKey();

  return {
    // The client's own options (base URL, fetch, headers, credentials): the stream opens as
    // every call does.
    connection: {
      ...options,
      validate(operation, data) {
        const result = parseWith(operations[operation].response, data);
        return result.success ? result.output : undefined;
      },
    },
    getConfig: (o) => call(operations.getConfig, { signal: o?.signal }),
    getBalance: (o) => call(operations.getBalance, { signal: o?.signal }),
    listTransactions: (params = {}, o) =>
      call(operations.listTransactions, {
        query: {
          cursor: params.cursor ?? undefined,
          limit: params.limit,
          type: params.type,
          websiteId: params.websiteId,
          from: params.from,
          to: params.to,
          search: params.search?.trim(),
        },
        signal: o?.signal,
      }),
    getUsageByWebsite: (params = {}, o) =>
      call(operations.getUsageByWebsite, {
        query: {
          from: params.from,
          to: params.to,
          limit: params.limit,
          cursor: params.cursor ?? undefined,
        },
        signal: o?.signal,
      }),
    getUsageSeries: (params, o) =>
      call(operations.getUsageSeries, {
        // Exactly the typed parameters: their names are the query's.
        query: { ...params },
        signal: o?.signal,
      }),
    listPackages: (o) => call(operations.listPackages, { signal: o?.signal }),
    createPurchase: (input, o) =>
      call(operations.createPurchase, {
        body: input,
        idempotencyKey: keyed(o?.idempotencyKey),
        signal: o?.signal,
      }),
    getPurchase: (purchaseId, o) =>
      call(operations.getPurchase, { pathParams: { purchaseId }, signal: o?.signal }),
    listPaymentMethods: (o) => call(operations.listPaymentMethods, { signal: o?.signal }),
    createSetupIntent: (o) =>
      call(operations.createSetupIntent, {
        idempotencyKey: keyed(o?.idempotencyKey),
        signal: o?.signal,
      }),
    setDefaultPaymentMethod: (paymentMethodId, o) =>
      call(operations.setDefaultPaymentMethod, {
        pathParams: { paymentMethodId },
        signal: o?.signal,
      }),
    deletePaymentMethod: (paymentMethodId, params = {}, o) =>
      call(operations.deletePaymentMethod, {
        pathParams: { paymentMethodId },
        query: { newDefaultId: params.newDefaultId },
        signal: o?.signal,
      }),
    sandbox: {
      confirmPurchase: (purchaseId, input, o) =>
        call(operations.sandboxConfirmPurchase, {
          pathParams: { purchaseId },
          body: input,
          signal: o?.signal,
        }),
      authenticatePurchase: (purchaseId, input, o) =>
        call(operations.sandboxAuthenticatePurchase, {
          pathParams: { purchaseId },
          body: input,
          signal: o?.signal,
        }),
      confirmSetupIntent: (setupIntentId, input, o) =>
        call(operations.sandboxConfirmSetupIntent, {
          pathParams: { setupIntentId },
          body: input,
          signal: o?.signal,
        }),
      authenticateSetupIntent: (setupIntentId, input, o) =>
        call(operations.sandboxAuthenticateSetupIntent, {
          pathParams: { setupIntentId },
          body: input,
          signal: o?.signal,
        }),
    },
  };
}
