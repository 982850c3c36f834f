/** One HTTP exchange, kept so a failing check can show exactly what it sent and got. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders: Record<string, string>;
  requestBody?: unknown;
  status: number;
  responseHeaders: Record<string, string>;
  /** Parsed JSON when the body was JSON, else the text (truncated). */
  responseBody: unknown;
}

export type CheckStatus = 'pass' | 'fail' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  /** Why it failed or was skipped. */
  message?: string;
  /** The exchange that showed the failure. */
  exchange?: Exchange;
  durationMs: number;
}

/** What a run is against: the backend and what its `GET /config` says (when it answers). */
export interface ConformanceTarget {
  baseUrl: string;
  mode?: string;
  apiVersion?: string;
}

export interface ConformanceReport extends ConformanceTarget {
  results: CheckResult[];
  passed: number;
  failed: number;
  skipped: number;
}

export interface ConformanceOptions {
  /** The backend's base URL, e.g. `https://api.example.com/credits/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`. Enables the unauthenticated check. */
  token?: string;
  /**
   * The Server API's secret key (`X-Api-Key`): enables the Server API checks (usage, holds,
   * grants, adjustments) and lets the website filter check record usage. Needs `accountId`.
   */
  apiKey?: string;
  /** The account `token` signs in as, which the Server API checks address. */
  accountId?: string;
  /** A second account's token: the event checks prove its changes never reach the first's stream. */
  otherToken?: string;
  /**
   * `false`: leave the event stream's checks out (a proxy that buffers whole responses, as
   * Prism's does, cannot pass a stream that never ends). Default: checked when Config.events.
   */
  events?: boolean;
  /** More headers for every request (cookies, tenant ids). */
  headers?: Record<string, string>;
  fetch?: typeof globalThis.fetch;
  /** Run only the checks whose id starts with one of these (`idempotency`, `purchase.declines`). */
  only?: string[];
  /** How long a purchase may stay `processing` before the lifecycle check gives up. Default 30 s. */
  settleTimeoutMs?: number;
  /** Called once before the first check, for a live header line. */
  onStart?: (target: ConformanceTarget) => void;
  /** Called after each check, for live progress. */
  onResult?: (result: CheckResult) => void;
}
