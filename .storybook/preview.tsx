import type { Preview } from '@storybook/react-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';

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
};

export default preview;
