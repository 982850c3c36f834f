import { defineConfig } from 'tsup';

// One bundle per format with the "use client" directive kept on top, so React
// Server Component frameworks treat every export as a client component.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  silent: true,
  banner: { js: '"use client";' },
});
