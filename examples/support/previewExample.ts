import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright';
import { build, type PreviewServer, preview } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../../.storybook/chromium';

export interface PreviewedExample {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

export interface PreviewOptions {
  /** The API the example's proxy forwards `/api` to (`CREDITS_API`). */
  creditsApi?: string;
  /** Environment for the build only (e.g. `CSP_NONCE`). */
  buildEnv?: Record<string, string>;
  /** Response headers of the preview server (e.g. a Content-Security-Policy). */
  headers?: Record<string, string>;
}

/**
 * Builds an example as a host would ship it, serves the build on a free
 * loopback port and opens Debian's Chromium.
 */
export async function previewExample(
  exampleDir: URL,
  { creditsApi, buildEnv = {}, headers }: PreviewOptions = {},
): Promise<PreviewedExample> {
  const root = fileURLToPath(exampleDir);
  if (creditsApi) process.env.CREDITS_API = creditsApi;
  Object.assign(process.env, buildEnv);
  try {
    await build({ root, logLevel: 'error' });
  } finally {
    for (const name of Object.keys(buildEnv)) delete process.env[name];
  }
  const server: PreviewServer = await preview({
    root,
    preview: { port: 0, host: '127.0.0.1', headers },
    logLevel: 'error',
  });
  const browser = await chromium.launch({
    executablePath: chromiumExecutable(),
    args: chromiumArgs,
  });
  return {
    url: (server.resolvedUrls?.local[0] ?? '').replace(/\/$/, ''),
    browser,
    close: async () => {
      await browser.close();
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    },
  };
}
