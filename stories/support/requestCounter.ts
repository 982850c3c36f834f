// The commands' types: BrowserCommands in 'vitest/browser' is augmented there.
import type {} from '../../scripts/requestCountingCommands.ts';

type VitestCommands = typeof import('vitest/browser').commands;

/**
 * Vitest's browser commands when the story runs as a test (addon-vitest), or
 * undefined in `storybook dev`, where there is no Vitest to ask.
 */
async function vitestCommands(): Promise<VitestCommands | undefined> {
  if (!('__vitest_browser_runner__' in window)) return undefined;
  return (await import('vitest/browser')).commands;
}

/**
 * Counts the requests the browser really makes to URLs matching `pattern`
 * (matched case-insensitively; flags are ignored), at the network level, through the
 * `startCountingRequests` / `countedRequests` commands of vitest.config.ts — failed
 * requests included, iframes and workers included.
 *
 * Use `beforeEach` as the story's `beforeEach`, so counting starts before the story
 * renders. `urls()` answers undefined in `storybook dev`: skip only that check there.
 */
export function requestCounter(pattern: RegExp) {
  let commands: VitestCommands | undefined;
  return {
    beforeEach: async () => {
      commands = await vitestCommands();
      await commands?.startCountingRequests(pattern.source);
      return async () => {
        await commands?.stopCountingRequests();
      };
    },
    /** The matching URLs requested since the story started rendering, or undefined outside Vitest. */
    urls: async (): Promise<string[] | undefined> => commands?.countedRequests(),
  };
}
