import { createParser, type EventSourceMessage } from 'eventsource-parser';
import type { HeadersResolver } from '../createTransport.js';
import type { operations } from '../operations.js';

/**
 * Where and how to open the stream — the same base URL, headers and credentials as the client:
 * `client.connection` of `createCreditsClient()`.
 */
export interface EventStreamRequest {
  baseUrl: string;
  fetch?: typeof globalThis.fetch;
  headers?: HeadersResolver;
  credentials?: RequestCredentials;
  /**
   * `data` validated as `operation`'s response (its output: unknown fields dropped, defaults
   * filled), or undefined: the client's own schemas, so the live entry carries no validator of
   * its own (events reuse the operations' shapes).
   */
  validate?(operation: keyof typeof operations, data: unknown): unknown;
}

/** Why a stream could not be opened: the backend has none, refused it for now, or failed. */
export type StreamRefusal =
  | { kind: 'unsupported'; status: number }
  | { kind: 'unauthorized'; status: number }
  | { kind: 'bad-resume'; status: number }
  | { kind: 'retry'; status: number; retryAfterMs?: number };

/** One SSE frame is a few KB at most (a purchase with its row and balance); past 1 MB, it is not ours. */
const MAX_BUFFER = 1 << 20;

/**
 * Opens `GET {baseUrl}/events` with `fetch` and feeds its body to eventsource-parser. Resolves
 * when the stream ends (the server closed it, or `signal` aborted) or with the refusal when
 * the answer was not a stream. Rejects on a network failure. `onActivity` fires on every chunk,
 * heartbeats included, for the caller's silence watchdog.
 */
export async function readEventStream(
  request: EventStreamRequest,
  lastEventId: string | undefined,
  signal: AbortSignal,
  onMessage: (message: EventSourceMessage) => void,
  onActivity: () => void,
): Promise<StreamRefusal | undefined> {
  const resolved =
    typeof request.headers === 'function' ? await request.headers() : request.headers;
  const headers = new Headers(resolved);
  headers.set('Accept', 'text/event-stream');
  if (lastEventId !== undefined) headers.set('Last-Event-ID', lastEventId);
  const response = await (request.fetch ?? globalThis.fetch)(
    `${request.baseUrl.replace(/\/+$/, '')}/events`,
    { headers, credentials: request.credentials, signal, cache: 'no-store' },
  );
  const type = response.headers.get('Content-Type') ?? '';
  if (!response.ok || !response.body || !type.startsWith('text/event-stream')) {
    response.body?.cancel().catch(() => undefined);
    return refusal(response, type);
  }
  const parser = createParser({ onEvent: onMessage, maxBufferSize: MAX_BUFFER });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  // Not every fetch ends the body when its signal aborts (a service worker's, a mock's): cancel it.
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return undefined;
      onActivity();
      parser.feed(value);
    }
  } catch (error) {
    if (signal.aborted) return undefined;
    throw error;
  } finally {
    signal.removeEventListener('abort', cancel);
    cancel();
  }
}

function refusal(response: Response, type: string): StreamRefusal {
  const { status } = response;
  if (status === 401 || status === 403) return { kind: 'unauthorized', status };
  if (status === 400) return { kind: 'bad-resume', status };
  if (status === 429 || status >= 500) {
    const seconds = Number(response.headers.get('Retry-After'));
    return {
      kind: 'retry',
      status,
      retryAfterMs: Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined,
    };
  }
  // 404, 405, 501, or a 200 that is not a stream (an SPA's index.html): no stream here.
  return { kind: 'unsupported', status: response.ok && !type ? 0 : status };
}
