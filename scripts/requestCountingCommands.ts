import type { Request } from 'playwright';
import type { BrowserCommand, BrowserCommandContext } from 'vitest/node';

/**
 * Vitest browser commands (Playwright provider) that count the requests the
 * browser really issues, at the network level: every page, iframe and worker
 * of the test's browser context, whether the request then succeeds or fails
 * (offline, a request to js.stripe.com fails but is still counted).
 *
 * In a story or test: `commands.startCountingRequests(pattern)`, then
 * `commands.countedRequests()` for the URLs matched since, and
 * `commands.stopCountingRequests()`. `pattern` is a RegExp source (commands
 * cross the wire as JSON, so not a RegExp), matched case-insensitively
 * against the full URL.
 */

interface Counter {
  listener: (request: Request) => void;
  urls: string[];
}

/** One counter per browser session (each session has its own Playwright context). */
const counters = new Map<string, Counter>();

function stop({ context, sessionId }: BrowserCommandContext): string[] {
  const counter = counters.get(sessionId);
  if (!counter) return [];
  context.off('request', counter.listener);
  counters.delete(sessionId);
  return counter.urls;
}

const startCountingRequests: BrowserCommand<[pattern: string], void> = (ctx, pattern) => {
  stop(ctx);
  const matcher = new RegExp(pattern, 'i');
  const urls: string[] = [];
  const listener = (request: Request) => {
    if (matcher.test(request.url())) urls.push(request.url());
  };
  ctx.context.on('request', listener);
  counters.set(ctx.sessionId, { listener, urls });
};

const countedRequests: BrowserCommand<[], string[]> = ({ sessionId }) => {
  const counter = counters.get(sessionId);
  if (!counter) throw new Error('countedRequests(): call startCountingRequests(pattern) first.');
  return [...counter.urls];
};

const stopCountingRequests: BrowserCommand<[], string[]> = (ctx) => stop(ctx);

export const requestCountingCommands = {
  startCountingRequests,
  countedRequests,
  stopCountingRequests,
};

declare module 'vitest/browser' {
  interface BrowserCommands {
    /** Start (or restart) recording the URLs of requests matching `pattern` (a RegExp source). */
    startCountingRequests: (pattern: string) => Promise<void>;
    /** The URLs recorded since `startCountingRequests`, in the order they were requested. */
    countedRequests: () => Promise<string[]>;
    /** Stop recording; answers the URLs recorded. */
    stopCountingRequests: () => Promise<string[]>;
  }
}
