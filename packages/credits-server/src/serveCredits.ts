import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { CreditsServer } from './createCreditsServer.js';

export interface StartedCreditsServer {
  origin: string;
  baseUrl: string;
  /** Stops listening, then closes the credits server. */
  close(): Promise<void>;
}

/** Serves a credits server's fetch handler on Node's http server (@hono/node-server), loopback by default. */
export async function serveCredits(
  credits: CreditsServer,
  options: { hostname?: string; port?: number; basePath?: string } = {},
): Promise<StartedCreditsServer> {
  const hostname = options.hostname ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: credits.fetch, hostname, port: options.port ?? 0 }, () =>
      resolve(started),
    );
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}`;
  return {
    origin,
    baseUrl: `${origin}${options.basePath ?? '/api/credits/v1'}`,
    close: async () => {
      // Open event streams never end by themselves: end them, or the server never closes.
      credits.closeStreams?.();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await credits.close();
    },
  };
}
