/**
 * Visual regression for every story (setup file of the `storybook` and
 * `storybook-dark` projects): once a story's play function has finished, the
 * page is compared with its committed baseline — at 1024 px and 320 px wide in
 * the light theme, at 1024 px in the dark one (test/visual/, README "Visual
 * regression").
 *
 * Deterministic on a busy machine: one clock (Date frozen at the seed data's day,
 * still ticking), fonts from npm packages (preview.tsx) awaited, animations,
 * transitions and the caret off, and Vitest retakes the screenshot until two in a
 * row are equal before comparing.
 *
 * The baselines are only comparable with the Chromium major that took them:
 * with another one (CI installs Debian's current package) the comparison is
 * skipped with a notice saying the baselines need a review, instead of failing
 * on font rasterisation changes nobody made.
 */
import { afterEach, beforeAll, expect, type TestContext, vi } from 'vitest';
import { commands, page } from 'vitest/browser';
import manifest from '../test/visual/chromium.json';

declare module 'vitest/browser' {
  interface BrowserCommands {
    browserVersion: () => Promise<string>;
    recordBaselineBrowser: (version: string) => Promise<void>;
  }
}

const updating = import.meta.env.VITE_VISUAL_UPDATE === '1';
const major = (version: string) => version.split('.')[0];
let running = 'unknown';
let comparable = updating;
/** The viewport every story test runs in (Vitest's default), restored after the screenshots. */
const HEIGHT = 800;

// The seed data's day (credits-msw's SEED_NOW), still ticking: dates, expiry badges
// ("expires soon") and "last 30 days" read the same on every day the suite runs.
vi.useFakeTimers({
  toFake: ['Date'],
  now: new Date('2026-11-25T09:00:00Z'),
  shouldAdvanceTime: true,
});

let noticeShown = false;
beforeAll(async () => {
  running = await commands.browserVersion();
  comparable = updating || major(running) === major(manifest.chromium);
  if (updating) await commands.recordBaselineBrowser(running);
  else if (!comparable && !noticeShown) {
    noticeShown = true;
    console.warn(
      `[visual] Baselines were taken in Chromium ${manifest.chromium}, this is Chromium ${running}: ` +
        'screenshots are NOT compared. Review them with `pnpm test:visual:update` and commit.',
    );
  }
  const style = document.createElement('style');
  style.textContent =
    '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; } body { margin: 0; min-height: 100vh; }' +
    // Where focus rests when a play function ends can depend on timing (a button disabled
    // while paying hands focus to the dialog, or not): the pictures leave focus rings out, so
    // they compare layout and colour; focus order is guarded by the keyboard-only e2e tests.
    ' :focus, :focus-visible { outline: none !important; }';
  document.head.append(style);
});

const fileName = (name: string) =>
  name
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

afterEach(async (context: TestContext) => {
  if (context.task.result?.state === 'fail') return;
  // Another Chromium major: not compared; beforeAll has printed the notice for this file.
  if (!comparable) return;
  const theme = context.task.file.projectName?.startsWith('storybook-dark') ? 'dark' : 'light';
  const widths = theme === 'light' ? [1024, 320] : [1024];
  await document.fonts.ready;
  // The pointer rests where the last test left it: over a control at one width (a hover look in
  // the picture), over nothing at another. Parked in the top-left corner, over no widget.
  const corner = document.createElement('div');
  corner.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:2px;z-index:2147483647';
  corner.dataset.testid = 'visual-pointer-rest';
  document.body.append(corner);
  // Found by its own test id (a locator made from the element could match another div), and
  // forced: a modal dialog makes the page beneath it inert to the pointer, this corner too.
  await page.getByTestId('visual-pointer-rest').hover({ force: true });
  corner.remove();
  try {
    for (const width of widths) {
      await page.viewport(width, HEIGHT);
      await document.fonts.ready;
      await expect
        .element(page.elementLocator(document.body))
        .toMatchScreenshot(`${fileName(context.task.name)}--${theme}-${width}`, {
          timeout: 10_000,
        });
    }
  } finally {
    await page.viewport(414, 896);
  }
});
