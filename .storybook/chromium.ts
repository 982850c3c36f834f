import { existsSync } from 'node:fs';

/**
 * Debian's Chromium, never a downloaded browser: `CHROMIUM_PATH` wins, then
 * the distribution's binary. `scripts/ensure-chromium.sh` installs it.
 */
export function chromiumExecutable(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium'];
  const found = candidates.find(
    (path): path is string => Boolean(path) && existsSync(path as string),
  );
  if (!found) {
    throw new Error(
      'Chromium not found. Set CHROMIUM_PATH or run `bash scripts/ensure-chromium.sh` (installs Debian’s chromium as root).',
    );
  }
  return found;
}

/** Flags for a quiet headless Chromium on a machine without internet. */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
