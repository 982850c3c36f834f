import type { Options } from 'tsup';

/**
 * How every publishable package builds: ESM mirrors `src/` file by file (so
 * bundlers drop each module a host does not import, `"sideEffects": false`),
 * plus, when `cjs` names entry points, one CommonJS file per entry for `require()`.
 * The configs build in parallel, so none of them cleans: `build` removes dist first.
 */
export function libraryBuild({
  cjs,
  platform = 'neutral',
}: {
  cjs?: Record<string, string>;
  platform?: Options['platform'];
}): Options[] {
  const shared: Options = { dts: true, sourcemap: true, target: 'es2022', platform, silent: true };
  return [
    { ...shared, entry: ['src/**/*.ts'], bundle: false, format: ['esm'], clean: false },
    ...(cjs ? [{ ...shared, entry: cjs, format: ['cjs'] as Options['format'], clean: false }] : []),
  ];
}
