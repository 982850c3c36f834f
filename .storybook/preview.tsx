import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is an accessibility test: axe violations fail the run.
    a11y: { test: 'error' },
  },
  tags: ['autodocs'],
};

export default preview;
