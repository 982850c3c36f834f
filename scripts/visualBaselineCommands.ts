import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BrowserContext } from 'playwright';
import type { BrowserCommand } from 'vitest/node';

/** Where the baselines live, and the file that records which Chromium took them. */
export const visualBaselineDir = fileURLToPath(new URL('../test/visual/', import.meta.url));
export const visualManifestPath = `${visualBaselineDir}chromium.json`;

/**
 * `browserVersion()`: the full version of the Chromium running the tests (its user
 * agent says only the major since Chrome's UA reduction).
 */
const browserVersion: BrowserCommand<[]> = (context) =>
  (context as unknown as { context: BrowserContext }).context.browser()?.version() ?? 'unknown';

/**
 * `recordBaselineBrowser(version)`: called by the story tests when the baselines are
 * being updated (`pnpm test:visual:update`), with the version of the Chromium that
 * took them, so a later run knows whether its pixels are comparable.
 */
const recordBaselineBrowser: BrowserCommand<[version: string]> = (_context, version) => {
  writeFileSync(
    visualManifestPath,
    `${JSON.stringify(
      {
        chromium: version,
        note: 'Written by `pnpm test:visual:update`: the Chromium that took the baselines.',
      },
      null,
      2,
    )}\n`,
  );
};

export const visualBaselineCommands = { browserVersion, recordBaselineBrowser };
