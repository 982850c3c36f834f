// Bundle sizes of what hosts import, next to the budgets (issue 8) and the peers'
// figures measured the same way (esbuild, minified ESM, NODE_ENV=production,
// gzip -9, react/react-dom external). Reports only: the budgets are not enforced yet.

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));
const react = ['react', 'react-dom', 'react/jsx-runtime'];
const libraries = [
  ...react,
  '@tanstack/react-query',
  '@tanstack/query-core',
  '@tanstack/react-virtual',
  'radix-ui',
  '@stripe/*',
  'valibot',
];

async function measure(contents, resolveDir, external) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    splitting: true,
    outdir: '/tmp/credits-bench-sizes',
    platform: 'browser',
    write: false,
    metafile: true,
    external,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint);
  const initialFiles = new Set([
    entry,
    ...outputs[entry].imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
  ]);
  let initial = 0;
  let lazy = 0;
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const bytes = gzipSync(file.contents, { level: 9 }).length;
    if ([...initialFiles].some((name) => file.path.endsWith(name.replace(/^(\.\.\/)+/, ''))))
      initial += bytes;
    else lazy += bytes;
  }
  return { initial, lazy };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const react_ = `${root}/packages/credits-react`;
const core = `${root}/packages/credits-core`;
const all =
  "export { CreditsProvider, BalanceCards, HistoryTable, AddCreditsDialog, PaymentMethods } from './dist/index.js';";

const rows = [
  [
    'credits-react: Provider + 4 widgets, initial',
    await measure(all, react_, react),
    'initial',
    50,
  ],
  [
    'credits-react: Provider + 4 widgets, with lazy chunks',
    await measure(all, react_, react),
    'total',
    65,
  ],
  [
    'credits-react: our code only (libraries external)',
    await measure(all, react_, libraries),
    'initial',
    16,
  ],
  [
    'credits-react: Provider + BalanceCards',
    await measure(
      "export { CreditsProvider, BalanceCards } from './dist/index.js';",
      react_,
      react,
    ),
    'initial',
    null,
  ],
  [
    'credits-core: client entry (client, schemas, errors)',
    await measure(
      "export { createCreditsClient, CreditsError, isCreditsError } from './dist/index.js';",
      core,
      ['@tanstack/query-core'],
    ),
    'initial',
    5,
  ],
  [
    'credits-core: every export',
    await measure(
      "export * from './dist/index.js'; export * from './dist/query/index.js'; export * from './dist/sandbox/index.js';",
      core,
      ['@tanstack/query-core'],
    ),
    'initial',
    8,
  ],
];

console.log('| bundle | min+gzip | budget |');
console.log('|---|---|---|');
for (const [name, size, kind, budget] of rows) {
  const bytes = kind === 'total' ? size.initial + size.lazy : size.initial;
  const verdict =
    budget === null
      ? ''
      : bytes <= budget * 1024
        ? `≤ ${budget} KB ✓`
        : `≤ ${budget} KB ✗ (over by ${kb(bytes - budget * 1024)})`;
  console.log(
    `| ${name} | ${kb(bytes)}${kind === 'initial' && size.lazy ? ` (+${kb(size.lazy)} lazy)` : ''} | ${verdict} |`,
  );
}
const half = rows[3][1].initial <= rows[0][1].initial / 2;
console.log(
  `| tree-shaking: Provider + BalanceCards ≤ half of all widgets | ${kb(rows[3][1].initial)} vs ${kb(rows[0][1].initial / 2)} | ${half ? '✓' : '✗'} |`,
);
console.log(
  '\nPeers (measured the same way, from the issue): Schematic ~158 KB, Stigg ~540 KB, Clerk <PricingTable/> ~33 KB + ~380 KB at runtime, Autumn hooks ~12.5 KB, Flowglad hooks ~66 KB.',
);
