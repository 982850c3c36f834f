/**
 * Lighthouse scores of the demo's production build (issue 20): credits-server with the
 * seeded demo account, the "Credits Manager" app built and served by Vite's preview, then
 * Lighthouse (mobile and desktop presets) in Debian's Chromium. Prints the four category
 * scores and writes benchmarks/results/lighthouse.md. Not part of `npm test` (timings vary).
 *
 * Lighthouse is not a dependency of the workspace (146 packages): install it anywhere,
 * pinned for Node 20 (`npm i -E lighthouse@12.2.3`; 13 needs Node 22), and point
 * LIGHTHOUSE_BIN at its `node_modules/.bin/lighthouse`.
 *   LIGHTHOUSE_BIN=/path/to/lighthouse pnpm exec tsx scripts/bench/lighthouse.ts
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startCreditsServer } from 'credits-server';
import { chromiumArgs, chromiumExecutable } from '../../.storybook/chromium';
import { previewExample } from '../../examples/support/previewExample';
import { DEMO_AUDIENCE, DEMO_ISSUER } from '../../examples/vite-app/hostSession';

const bin = process.env.LIGHTHOUSE_BIN;
if (!bin) throw new Error('Set LIGHTHOUSE_BIN to a lighthouse 12.2.3 binary (see the header).');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const secret = randomBytes(32).toString('hex');
const api = await startCreditsServer({
  seedDemo: true,
  auth: { kind: 'jwt', secret, issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE },
});
process.env.CREDITS_JWT_SECRET = secret;
const app = await previewExample(new URL('../../examples/vite-app/', import.meta.url), {
  creditsApi: api.origin,
});
const rows: string[] = [];
/** The machine's 1-minute load average as each preset starts and ends (it moves the timings). */
const loads: string[] = [];
const load = () => loadavg()[0]!.toFixed(1);
try {
  for (const preset of ['mobile', 'desktop'] as const) {
    const out = join(tmpdir(), `lighthouse-${preset}.json`);
    const loadBefore = load();
    await promisify(execFile)(
      bin,
      [
        app.url,
        '--output=json',
        `--output-path=${out}`,
        '--quiet',
        `--only-categories=${CATEGORIES.join(',')}`,
        ...(preset === 'desktop' ? ['--preset=desktop'] : []),
        `--chrome-flags=${chromiumArgs.join(' ')}`,
      ],
      { env: { ...process.env, CHROME_PATH: chromiumExecutable() }, maxBuffer: 1 << 26 },
    );
    const report = JSON.parse(await readFile(out, 'utf8')) as {
      lighthouseVersion: string;
      environment: { hostUserAgent: string };
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { displayValue?: string }>;
    };
    loads.push(`${preset} ${loadBefore} → ${load()}`);
    const score = (name: string) => Math.round((report.categories[name]?.score ?? 0) * 100);
    const metric = (name: string) => report.audits[name]?.displayValue ?? '—';
    rows.push(
      `| ${preset} | ${CATEGORIES.map(score).join(' | ')} | ${metric('first-contentful-paint')} | ${metric('largest-contentful-paint')} | ${metric('total-blocking-time')} | ${metric('cumulative-layout-shift')} |`,
    );
    console.log(preset, CATEGORIES.map((name) => `${name} ${score(name)}`).join(', '));
    if (preset === 'desktop')
      rows.push('', `Lighthouse ${report.lighthouseVersion}, ${report.environment.hostUserAgent}.`);
  }
} finally {
  await app.close();
  await api.close();
}
await writeFile(
  new URL('../../benchmarks/results/lighthouse.md', import.meta.url),
  [
    '# Lighthouse: the demo app, production build',
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} by \`scripts/bench/lighthouse.ts\`: credits-server (seeded demo account, host sign-in) and \`examples/vite-app\` built by Vite and served by its preview server on loopback, Lighthouse's default throttling (simulated), Debian's Chromium, headless, on this project's 2-core machine kind shared with other jobs (performance varies from run to run).`,
    '',
    '| preset | performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Load average (1 min) on the 2 cores as each preset started → ended: ${loads.join(', ')}.`,
    '',
  ].join('\n'),
);
