import type { StripeError } from '@stripe/stripe-js';

export type ApiAnswer<T> = { ok: true; body: T } | { ok: false; error: StripeError };

/**
 * Stripe.js's calls to the API, made as Stripe.js makes them from the browser: form-encoded
 * (https://docs.stripe.com/api, "Request"), the publishable key as the `key` parameter and
 * the intent's `client_secret` beside it (https://docs.stripe.com/api/payment_intents/retrieve:
 * "a publishable key with the client secret"), no Authorization header, so no CORS preflight.
 * An error answer is Stripe's `{ error }` body, returned as the StripeError Stripe.js resolves
 * with; a network failure is an `api_connection_error` (https://docs.stripe.com/error-handling).
 */
export function createStripeJsApi(apiBase: string, publishableKey: string) {
  const base = apiBase.replace(/\/$/, '');
  async function call<T>(
    method: 'GET' | 'POST',
    path: string,
    fields: Record<string, string>,
  ): Promise<ApiAnswer<T>> {
    const params = new URLSearchParams({ ...fields, key: publishableKey });
    let response: Response;
    try {
      response =
        method === 'GET'
          ? await fetch(`${base}${path}?${params}`)
          : await fetch(`${base}${path}`, {
              method,
              headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
              body: params.toString(),
            });
    } catch (cause) {
      return {
        ok: false,
        error: {
          type: 'api_connection_error',
          message: `Could not reach Stripe (${String(cause)}).`,
        },
      };
    }
    const body = (await response.json()) as T & { error?: StripeError };
    if (!response.ok) {
      return {
        ok: false,
        error: body.error ?? { type: 'api_error', message: `HTTP ${response.status}` },
      };
    }
    return { ok: true, body };
  }
  return {
    origin: new URL(base).origin,
    base,
    get: <T>(path: string, fields: Record<string, string>) => call<T>('GET', path, fields),
    post: <T>(path: string, fields: Record<string, string>) => call<T>('POST', path, fields),
  };
}

export type StripeJsApi = ReturnType<typeof createStripeJsApi>;
