import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { configure } from 'storybook/test';
import '../packages/credits-react/src/styles.css';
// Fonts from npm packages (pinned), not the machine's: screenshots are the same on every
// machine. Latin, Arabic and Japanese, for the stories' locales (stories/support/storyFont.ts).
import '@fontsource-variable/inter';
import '@fontsource-variable/noto-sans-arabic';
import '@fontsource-variable/noto-sans-jp';

// Story tests run on a busy 2-core CI machine next to other suites: give async queries room.
configure({ asyncUtilTimeout: 5_000 });

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is an accessibility test: axe violations fail the run.
    a11y: { test: 'error' },
  },
  // Each story names its credits-msw scenario in `parameters.msw.handlers`.
  loaders: [mswLoader()],
  tags: ['autodocs'],
  globalTypes: {
    locale: {
      description: 'Locale of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: ['en-US', 'de-DE', 'ja-JP', 'ar-EG'],
        dynamicTitle: true,
      },
    },
    creditsTheme: {
      description: 'Colour scheme of the widgets',
      toolbar: { title: 'Theme', icon: 'mirror', items: ['light', 'dark'], dynamicTitle: true },
    },
  },
  // The story tests run once per theme: `storybook` (light) and `storybook-dark`, which sets
  // `creditsTheme` through storybookTest's `initialGlobals` (vitest.config.ts).
  initialGlobals: { locale: 'en-US', creditsTheme: 'light' },
};

export default preview;
