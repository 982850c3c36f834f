import type { StorybookConfig } from '@storybook/react-vite';
import { workspaceAliases } from '../scripts/workspaceAliases.ts';

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: [
    '@storybook/addon-docs',
    '@storybook/addon-a11y',
    '@storybook/addon-vitest',
    'msw-storybook-addon',
  ],
  // public/mockServiceWorker.js: credits-msw answers the contract inside the browser.
  staticDirs: ['../public'],
  framework: { name: '@storybook/react-vite', options: {} },
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    // Stories import the workspace packages from source: no build step before Storybook.
    const { default: tailwindcss } = await import('@tailwindcss/vite');
    return mergeConfig(viteConfig, {
      // credits-react/styles.css is compiled by Tailwind v4, exactly as its build does.
      plugins: [tailwindcss()],
      resolve: { alias: workspaceAliases },
    });
  },
};

export default config;
