import { defineConfig, type Options } from 'tsup';

// ESM mirrors src/ file by file, like credits-core: a bundler then drops every
// module a host does not import, and code only the lazily loaded dialogs use is
// never pulled into the host's first chunk. CommonJS stays one file for
// require(). Every file keeps "use client" on top, so React Server Component
// frameworks treat every export as a client component.
const shared: Options = {
  dts: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  silent: true,
  clean: false,
  banner: { js: '"use client";' },
};

export default defineConfig([
  { ...shared, entry: ['src/**/*.ts', 'src/**/*.tsx'], bundle: false, format: ['esm'] },
  {
    ...shared,
    entry: {
      index: 'src/index.ts',
      'usage-chart': 'src/UsageChart/index.ts',
      'auto-recharge': 'src/AutoRechargeSettings/index.ts',
      'auto-recharge-status': 'src/AutoRechargeSettings/status.ts',
    },
    format: ['cjs'],
  },
]);
