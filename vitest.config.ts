import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { chromiumArgs, chromiumExecutable } from './.storybook/chromium.ts';
import { pointerCommands } from './scripts/pointerCommands.ts';
import { requestCountingCommands } from './scripts/requestCountingCommands.ts';
import { visualBaselineCommands, visualBaselineDir } from './scripts/visualBaselineCommands.ts';
import { workspaceAliases } from './scripts/workspaceAliases.ts';

/** What Vitest hands a screenshot path resolver (the fields used here). */
interface ScreenshotPathData {
  arg: string;
  ext: string;
  testFileName: string;
  root: string;
  attachmentsDir: string;
}

/** Which baseline folder a test file's screenshots go to: `Controls.stories.tsx` → `Controls/`. */
const baselineFolder = (testFileName: string) =>
  testFileName.replace(/\.(stories|browser\.test)\.tsx?$/, '');

/**
 * Screenshots compared with the committed baselines in test/visual/ (README "Visual
 * regression"): the stories at rest, and the controls' interactive states.
 */
const screenshots = {
  comparatorName: 'pixelmatch' as const,
  // Anti-aliased pixels are detected and ignored (includeAA: false); a pixel
  // counts as changed past a small colour distance; a few stray pixels pass.
  comparatorOptions: {
    threshold: 0.05,
    includeAA: false,
    allowedMismatchedPixels: 24,
  },
  resolveScreenshotPath: ({ arg, ext, testFileName }: ScreenshotPathData) =>
    `${visualBaselineDir}${baselineFolder(testFileName)}/${arg}${ext}`,
  resolveDiffPath: ({ arg, ext, testFileName, root, attachmentsDir }: ScreenshotPathData) =>
    `${root}/${attachmentsDir}/visual/${baselineFolder(testFileName)}/${arg}${ext}`,
};

/** `pnpm test:visual:update` retakes the baselines and records the Chromium that took them. */
const visualUpdate = {
  'import.meta.env.VITE_VISUAL_UPDATE': JSON.stringify(process.env.VISUAL_UPDATE ?? ''),
};

/** Headless Debian Chromium through Playwright, for every browser-mode project. */
const chromium = (contextOptions?: { viewport: { width: number; height: number } }) => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
    ...(contextOptions && { contextOptions }),
  }),
  instances: [{ browser: 'chromium' as const }],
});

/**
 * A Vitest browser-mode project rendering React with our Tailwind styles. `screenshotTests`:
 * its screenshots compare with the baselines, its tests may hold the mouse button down.
 */
function chromiumProject(
  name: string,
  include: string[],
  screenshotTests = false,
): TestProjectInlineConfiguration {
  const browser = chromium();
  return {
    extends: true,
    ...(screenshotTests && { define: visualUpdate }),
    plugins: [react(), tailwindcss()],
    // Pre-bundle everything up front: a mid-run re-optimisation reloads the page
    // and can leave two copies of React in one test.
    optimizeDeps: {
      include: [
        'react',
        'react/jsx-runtime',
        'react/jsx-dev-runtime',
        'react-dom',
        'react-dom/client',
        '@tanstack/react-query',
        '@tanstack/react-virtual',
        'clsx',
        'valibot',
      ],
    },
    test: {
      name,
      include,
      setupFiles: ['./scripts/vitestBrowserSetup.ts'],
      browser: screenshotTests
        ? {
            ...browser,
            commands: { ...visualBaselineCommands, ...pointerCommands },
            expect: { toMatchScreenshot: screenshots },
          }
        : browser,
    },
  };
}

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/**/*.test.ts', 'test/repo/**/*.test.ts'],
          environment: 'node',
          typecheck: {
            enabled: true,
            include: ['packages/*/test/**/*.test-d.ts'],
            tsconfig: './tsconfig.json',
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: [
            'examples/*/test/**/*.e2e.test.ts',
            'examples/vite-app/test/e2e.test.ts',
            // The static Storybook build, every play function (issue 20).
            'test/storybook/**/*.e2e.test.ts',
          ],
          fileParallelism: false,
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          include: ['packages/*/test/**/*.test.tsx'],
          exclude: ['**/*.browser.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['./scripts/vitestDomSetup.ts'],
          // A hang guard, not a speed check: a widget test walks several states (each wait has
          // its own 5 s), and on two busy cores a whole test took over the default 5 s.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          // The published tarballs on Node 20 and 24 with React 18.3 and 19 (scripts/compat).
          name: 'compat',
          include: ['test/compat/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          // After the e2e project, never beside it: `npm run dev` there rebuilds every
          // package (rm -rf dist) while this project packs the tarballs from dist.
          sequence: { groupOrder: 1 },
        },
      },
      // With the controls' hover, pressed, focus and disabled screenshots (Controls.browser.test.tsx).
      chromiumProject('browser', ['packages/*/test/**/*.browser.test.tsx'], true),
      chromiumProject('bench', ['benchmarks/**/*.bench.browser.tsx']),
      // Every story's play test and axe check, in the light theme and again in the dark one,
      // then its screenshots against the committed baselines (.storybook/visualRegression.ts).
      ...(['light', 'dark'] as const).map((theme) => ({
        extends: true as const,
        // The theme as a Storybook global of this project: a `define` per project did not reach
        // the stories (both projects rendered dark).
        plugins: [
          storybookTest({ configDir: '.storybook', initialGlobals: { creditsTheme: theme } }),
        ],
        define: visualUpdate,
        test: {
          name: theme === 'light' ? 'storybook' : 'storybook-dark',
          setupFiles: ['./.storybook/visualRegression.ts'],
          browser: {
            // A window larger than any story viewport, so Vitest never scales the story's
            // frame down to fit (screenshots are taken at 1:1).
            ...chromium({ viewport: { width: 1440, height: 1000 } }),
            // startCountingRequests / countedRequests: network-level request counts for play functions.
            commands: { ...requestCountingCommands, ...visualBaselineCommands },
            expect: { toMatchScreenshot: screenshots },
          },
        },
      })),
    ],
  },
});
