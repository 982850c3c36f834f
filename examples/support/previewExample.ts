import { fileURLToPath } from 'node:url';
import { type Browser, chromium } from 'playwright';
import { build, type PreviewServer, preview } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../../.storybook/chromium';

export interface PreviewedExample {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Builds an example as a host would ship it, serves the build on a free
 * loopback port (with `CREDITS_API` as its proxy target when given) and opens
 * Debian's Chromium.
 */
export async function previewExample(
  exampleDir: URL,
  creditsApi?: string,
): Promise<PreviewedExample> {
  const root = fileURLToPath(exampleDir);
  if (creditsApi) process.env.CREDITS_API = creditsApi;
  await build({ root, logLevel: 'error' });
  const server: PreviewServer = await preview({
    root,
    preview: { port: 0, host: '127.0.0.1' },
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
