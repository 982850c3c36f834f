import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestHandler } from 'msw';
import { DEFAULT_BASE_URL } from '../createCreditsHandlers.js';
import { createFetchHandler, type FetchHandler } from './createFetchHandler.js';

export interface StartCreditsServerOptions {
  /** MSW handlers to serve (e.g. `createCreditsHandlers()`), or a fetch-shaped function. */
  handlers: RequestHandler[] | FetchHandler;
  /** Loopback by default: this is a development and test server. */
  hostname?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** The handlers' base path, to report a ready-to-use `baseUrl`. */
  basePath?: string;
}

export interface CreditsServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** `origin` + the base path: give it to `createCreditsClient({ baseUrl })`. */
  baseUrl: string;
  close(): Promise<void>;
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD' && chunks.length > 0;
  return new Request(new URL(incoming.url ?? '/', origin), {
    method: incoming.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
  });
}

/** Writes the answer as it comes: an event stream (`GET /events`) is never buffered whole. */
async function send(response: Response, outgoing: ServerResponse) {
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void outgoing.end();
  const reader = response.body.getReader();
  // The client went away: cancelling the body ends the fake's stream.
  outgoing.once('close', () => void reader.cancel().catch(() => undefined));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      outgoing.write(value);
    }
  } catch {
    // The stream failed (a dropped connection, on purpose): end the response as it is.
    outgoing.destroy();
    return;
  }
  outgoing.end();
}

/**
 * Serves the credits contract over real HTTP from MSW handlers — for the
 * conformance kit, for non-JS clients, or for a backend-less demo.
 */
export async function startCreditsServer(
  options: StartCreditsServerOptions,
): Promise<CreditsServer> {
  const handle =
    typeof options.handlers === 'function'
      ? options.handlers
      : createFetchHandler(options.handlers);
  const hostname = options.hostname ?? '127.0.0.1';
  let origin = '';
  const server = createServer((incoming, outgoing) => {
    toRequest(incoming, origin)
      .then(handle)
      .then((response) => send(response, outgoing))
      .catch((error: unknown) => {
        outgoing.writeHead(500, { 'Content-Type': 'application/problem+json' });
        outgoing.end(
          JSON.stringify({
            type: 'about:blank',
            title: 'Internal server error',
            status: 500,
            code: 'internal_error',
            detail: error instanceof Error ? error.message : String(error),
          }),
        );
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, hostname, resolve);
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
  return {
    origin,
    baseUrl: `${origin}${options.basePath ?? DEFAULT_BASE_URL}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
