/**
 * What every screenshot test shares (the stories' visual regression,
 * visualRegression.ts, and the controls' interactive states,
 * packages/credits-react/test/browser/Controls.browser.test.tsx): whether the
 * running Chromium may be compared with the committed baselines, a page that
 * holds still, and a pointer parked over nothing.
 *
 * The baselines are only comparable with the Chromium major that took them
 * (test/visual/chromium.json): with another one (CI installs Debian's current
 * package) the comparison is skipped with a notice saying the baselines need a
 * review, instead of failing on font rasterisation changes nobody made.
 */
import { commands, page } from 'vitest/browser';
import manifest from '../test/visual/chromium.json';

declare module 'vitest/browser' {
  interface BrowserCommands {
    browserVersion: () => Promise<string>;
    recordBaselineBrowser: (version: string) => Promise<void>;
  }
}

/** `pnpm test:visual:update` (VISUAL_UPDATE=1, defined per project in vitest.config.ts). */
const updating = import.meta.env.VITE_VISUAL_UPDATE === '1';
const major = (version: string) => version.split('.')[0];
let comparable: Promise<boolean> | undefined;

/**
 * Whether this run compares screenshots: when updating (and then the running Chromium is
 * recorded in the manifest), or when its major is the baselines' one. Otherwise prints, once
 * per test file, why the screenshots are not compared.
 */
export function screenshotsComparable(): Promise<boolean> {
  comparable ??= (async () => {
    const running = await commands.browserVersion();
    if (updating) {
      await commands.recordBaselineBrowser(running);
      return true;
    }
    if (major(running) === major(manifest.chromium)) return true;
    console.warn(
      `[visual] Baselines were taken in Chromium ${manifest.chromium}, this is Chromium ${running}: ` +
        'screenshots are NOT compared. Review them with `pnpm test:visual:update` and commit.',
    );
    return false;
  })();
  return comparable;
}

/** Animations, transitions and the caret off, so every screenshot catches the final state. */
export function holdStill(extraCss = '') {
  const style = document.createElement('style');
  style.textContent =
    '*, *::before, *::after { animation: none !important; transition: none !important; caret-color: transparent !important; } body { margin: 0; min-height: 100vh; }' +
    extraCss;
  document.head.append(style);
}

/**
 * The pointer rests where the last step left it (a hover look in the next picture): parks it
 * in the top-left corner of the page, over no widget.
 */
export async function parkPointer() {
  const corner = document.createElement('div');
  corner.style.cssText = 'position:fixed;left:0;top:0;width:2px;height:2px;z-index:2147483647';
  corner.dataset.testid = 'visual-pointer-rest';
  document.body.append(corner);
  try {
    // Found by its own test id (a locator made from the element could match another div), and
    // forced: a modal dialog makes the page beneath it inert to the pointer, this corner too.
    await page.getByTestId('visual-pointer-rest').hover({ force: true });
  } finally {
    corner.remove();
  }
}
