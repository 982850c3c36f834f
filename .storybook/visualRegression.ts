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
 * row are equal before comparing. Whether this Chromium may be compared with the
 * baselines at all: visualBaseline.ts.
 */
import { afterEach, beforeAll, expect, type TestContext, vi } from 'vitest';
import { page } from 'vitest/browser';
import { holdStill, parkPointer, screenshotsComparable } from './visualBaseline';

let comparable = false;
/** The viewport every story test runs in (Vitest's default), restored after the screenshots. */
const HEIGHT = 800;

// The seed data's day (credits-msw's SEED_NOW), still ticking: dates, expiry badges
// ("expires soon") and "last 30 days" read the same on every day the suite runs.
vi.useFakeTimers({
  toFake: ['Date'],
  now: new Date('2026-11-25T09:00:00Z'),
  shouldAdvanceTime: true,
});

beforeAll(async () => {
  comparable = await screenshotsComparable();
  holdStill(
    // Where focus rests when a play function ends can depend on timing (a button disabled
    // while paying hands focus to the dialog, or not): the pictures leave focus rings out, so
    // they compare layout and colour; focus order is guarded by the keyboard-only e2e tests,
    // focus rings by the controls' states (Controls.browser.test.tsx).
    ' :focus, :focus-visible { outline: none !important; }',
  );
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
  await parkPointer();
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
