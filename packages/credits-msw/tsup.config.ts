import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // ESM mirrors src/ file by file, so bundlers drop every module a host does
    // not import ("sideEffects": false) — esbuild cannot tree-shake valibot
    // schema constructions inside one big file.
    entry: ['src/**/*.ts'],
    bundle: false,
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    // CJS for require(): one file per entry point.
    entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
    format: ['cjs'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
  },
]);
