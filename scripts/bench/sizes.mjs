// Bundle sizes of what hosts import, next to the budgets (issue 8) and the peers'
// figures measured the same way (esbuild, minified ESM, NODE_ENV=production,
// gzip -9, react/react-dom external). Sizes are deterministic, so the suite
// enforces them: `--check` exits 1 when a figure is over its budget. A target
// we do not meet yet is reported as missed and guarded at its current size, so
// it can only get better.

import { writeFileSync } from 'node:fs';
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
  '@radix-ui/*',
  '@stripe/*',
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
  // The page's own entry: lazily imported modules (dialogs, catalogues) are entry points too.
  const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === '<stdin>');
  // The initial load: the entry chunk and every chunk it imports statically, transitively.
  const initialFiles = new Set([entry]);
  for (const file of initialFiles)
    for (const imported of outputs[file].imports)
      if (imported.kind === 'import-statement' && outputs[imported.path])
        initialFiles.add(imported.path);
  // Which source files end up in the initial load (to check what must stay lazy).
  const initialInputs = [...initialFiles].flatMap((file) => Object.keys(outputs[file].inputs));
  let initial = 0;
  let lazy = 0;
  // A translation is loaded only for the locale in use: each catalogue chunk is counted on its
  // own, never in "lazy" (a page loads one of them, not all six).
  const catalogues = {};
  // The same for auto-recharge's own words (AutoRechargeSettings/catalogues).
  const autoRechargeCatalogues = {};
  const outputOf = (path) =>
    Object.keys(outputs).find((name) => path.endsWith(name.replace(/^(\.\.\/)+/, '')));
  for (const file of result.outputFiles) {
    if (!file.path.endsWith('.js')) continue;
    const bytes = gzipSync(file.contents, { level: 9 }).length;
    const name = outputOf(file.path);
    const entryPoint = outputs[name]?.entryPoint ?? '';
    const catalogue = entryPoint.match(/labels\/catalogues\/(\w+)\.js$/)?.[1];
    const autoRechargeCatalogue = entryPoint.match(
      /AutoRechargeSettings\/catalogues\/(\w+)\.js$/,
    )?.[1];
    if (initialFiles.has(name)) initial += bytes;
    else if (catalogue) catalogues[catalogue] = bytes;
    else if (autoRechargeCatalogue) autoRechargeCatalogues[autoRechargeCatalogue] = bytes;
    else lazy += bytes;
  }
  return { initial, lazy, initialInputs, catalogues, autoRechargeCatalogues };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const react_ = `${root}/packages/credits-react`;
const core = `${root}/packages/credits-core`;
const all =
  "export { CreditsProvider, BalanceCards, HistoryTable, AddCreditsDialog, PaymentMethods } from './dist/index.js';";
const coreEverything = ['index', 'query/index', 'sandbox/index', 'payments/index', 'export/index']
  .map((entry) => `export * from './dist/${entry}.js';`)
  .join(' ');

const widgets = await measure(all, react_, react);
const balanceOnly = await measure(
  "export { CreditsProvider, BalanceCards } from './dist/index.js';",
  react_,
  react,
);
const ownCode = await measure(all, react_, libraries);
// UsageChart (issue 17), from its own entry `credits-react/usage-chart` (esbuild keeps every
// dynamic import of a module it reads, even unused: from the main entry the chart's chunk would
// count against the four widgets). Its shell loads with the page; the chart (d3-scale, d3-shape,
// the SVG, table view and CSV export) is one lazy chunk: what the page adds over the provider
// alone, lazily.
const providerOnly = await measure(
  "export { CreditsProvider } from './dist/index.js';",
  react_,
  react,
);
const withChart = await measure(
  "export { CreditsProvider } from './dist/index.js'; export { UsageChart } from './dist/UsageChart/index.js';",
  react_,
  react,
);
const chartChunk = withChart.lazy - providerOnly.lazy;
// AutoRechargeSettings (issue 16), from its own entry `credits-react/auto-recharge`: the shell
// (queries, status) loads with the page; the form (Radix Switch, the validation rule) is lazy.
const withAutoRecharge = await measure(
  "export { CreditsProvider } from './dist/index.js'; export { AutoRechargeSettings } from './dist/AutoRechargeSettings/index.js';",
  react_,
  react,
);
const autoRechargeShell = withAutoRecharge.initial - providerOnly.initial;
const autoRechargeChunk = withAutoRecharge.lazy - providerOnly.lazy;
// Its status line for BalanceCards' `status` slot (issue 16), from its own entry
// `credits-react/auto-recharge-status` (so AutoRechargeSettings never carries the purchase dialog
// it opens): a shell that reads /config, and a lazy chunk (query, schemas, words, "Complete
// payment") fetched only where auto-recharge is offered. The dialog is the purchase dialog's own
// chunk, which the first rows count.
const withAutoRechargeStatus = await measure(
  "export { CreditsProvider, BalanceCards } from './dist/index.js'; export { AutoRechargeStatus } from './dist/AutoRechargeSettings/status.js';",
  react_,
  react,
);
const statusShell = withAutoRechargeStatus.initial - balanceOnly.initial;
const statusChunk = withAutoRechargeStatus.lazy - balanceOnly.lazy;
const coreClient = await measure(
  "export { createCreditsClient, CreditsError, isCreditsError } from './dist/index.js';",
  core,
  ['@tanstack/query-core'],
);
const coreAll = await measure(coreEverything, core, ['@tanstack/query-core']);
// The same two with valibot external too: our own code alone, the floor no schema
// library choice can go below (it shows whether a core target is reachable at all).
const coreClientOwn = await measure(
  "export { createCreditsClient, CreditsError, isCreditsError } from './dist/index.js';",
  core,
  ['@tanstack/query-core', 'valibot'],
);
const coreAllOwn = await measure(coreEverything, core, ['@tanstack/query-core', 'valibot']);
// Each entry point alone (valibot counted in each that uses it): where the bytes are.
const coreEntries = [];
for (const entry of [
  'index',
  'query/index',
  'payments/index',
  'sandbox/index',
  'export/index',
  'live/index',
  'autoRecharge/index',
]) {
  const { initial } = await measure(`export * from './dist/${entry}.js';`, core, [
    '@tanstack/query-core',
  ]);
  coreEntries.push([`credits-core: \`${entry.replace(/\/?index$/, '') || '.'}\` alone`, initial]);
}

// [name, bytes, target KB, guard KB (only where the target is missed), lazy bytes]
const rows = [
  ['credits-react: Provider + 4 widgets, initial', widgets.initial, 50, null, widgets.lazy],
  // Met (64.3 KB) until the translations (issue 20): the catalogue loader and the gate that
  // keeps English off screen while one loads, right-to-left isolation of interpolated values
  // and date filters that read in the widgets' locale cost +1.0 KB. The catalogues themselves
  // are not in this figure: each is its own row below. 65.9 KB once merged with issue 20's
  // visual work (shaped skeletons, the narrow history's filter toggle and stacked rows, the
  // card-brand marks' accessible names): the target is missed by 0.9 KB, guarded at 66 KB.
  // Issue 15 (live balance): 69.7 KB, guarded at 70 KB. The provider loads credits-core/live
  // as a chunk of its own once /config is read: eventsource-parser 1.8 KB + the subscription
  // 1.7 KB (its events are validated by the host's client, so no valibot comes with it), and
  // esbuild splits the cache writers both the page and that chunk use into one more small
  // chunk. The first load grew 0.5 KB (37.1 KB).
  // 70.1 KB after the merge with issue 17 and with the live chunk reading events through the
  // client's own schemas (so the 6 KB client entry holds): guarded at 70.5 KB. Over its 65 KB
  // target since before this round; winning it back is open work (issue 20's note lists where).
  // 69.8 KB (71,502 B) since issue 17's follow-ups, guarded at 69.9 KB: the delete confirmation
  // is an alertdialog on Radix Dialog instead of Radix AlertDialog beside it (−0.4 KB lazy),
  // while UsageByWebsite's paged ranking (one request shared with the history's website filter)
  // added 0.1 KB to the first load. Folding loadStripe into the Stripe chunk was not done: a
  // saved card's 3D Secure needs Stripe.js without react-stripe-js, so one chunk would load more.
  // 69.7 KB (71,335 B; 71,509 B before, same run) since the browser's sandbox form ships only
  // the test numbers and tokens (SANDBOX_CARD_NUMBERS), not the cards' outcomes and
  // descriptions (−144 B lazy), and a purchase's "paid with" is one rule in createPurchaseFlow.
  // Guarded at 69.7 KB.
  // +154 B in the dialogs chunk with issue 16's one-click recovery: the purchase flow's
  // complete(purchaseId) and the dialog opened on an existing purchase; the first load grew
  // 17 B (BalanceCards' `status` slot, one catalogue loader for the widgets' and
  // auto-recharge's translations). Merged: 69.9 KB (71,530 B), guarded at 69.9 KB.
  // +277 B with issue 15's live-history fix and issue 16's `auto-recharge` event, all
  // in the lazy live chunk (+277 B; the first load is unchanged): a history list read before the
  // stream opened is read again when its page's seq is behind the stream's, and the auto-recharge
  // document is written from the stream, read with the schema its cached query carries (so no
  // auto-recharge schema comes into this chunk). Merged with the one-click recovery: 70.1 KB
  // (71,810 B), guarded at 70.2 KB.
  // +521 B with issue 20's last design items, a trade made on purpose and not won back: the
  // checkout's order summary, who takes the payment, brand marks on the saved cards and the
  // success mark (+290 B in the dialogs chunk, −60 B when its option rows became one CSS class),
  // and each saved card's actions behind one "⋯" button in a native popover (+317 B first load;
  // Radix DropdownMenu measured +19.5 KB over Dialog and was not used). Merged: 70.6 KB
  // (72,331 B), guarded at 70.7 KB.
  [
    'credits-react: Provider + 4 widgets, with lazy chunks',
    widgets.initial + widgets.lazy,
    65,
    70.7,
  ],
  // Our own code, first load: 15.9 KB (16,326 B) until the dialogs' English words (purchase,
  // add card, delete card: ~60 strings) moved out of the first load into the dialogs chunk that
  // uses them (labels/paymentMethodLabels.ts holds the saved-card list's own): 15.2 KB
  // (15,534 B), guarded at 15.2 KB. Its lazy part is 14.3 KB (14,616 B; 13,994 before): those
  // words (+0.8 KB) less the sandbox form's table and the purchase flow's fold (−0.2 KB); own
  // code in all 30,150 B, 170 B less than before. 15,576 B once merged with the usage chart's
  // custom days through the history's date field and its compact legend: guarded at 15.3 KB.
  // 15,988 B (15.6 KB) with the saved cards' "⋯" actions popover (issue 20: the popover's
  // placement, its toggle and focus handling, and its styles' class names; +325 B): still within
  // the 16 KB target, guarded at 15.7 KB.
  ['credits-react: our code only (libraries external)', ownCode.initial, 16, 15.7, ownCode.lazy],
  ['credits-react: Provider + BalanceCards', balanceOnly.initial, null, null, balanceOnly.lazy],
  ['credits-react: Provider + UsageChart, initial', withChart.initial, null, null],
  // 16.5 KB measured on 2026-12-05: d3-scale + d3-shape are 11.2 KB of it (chart-libraries.md).
  ['credits-react: UsageChart chart chunk, lazy', chartChunk, 17, null],
  // Issue 16: what AutoRechargeSettings adds over the provider, measured on 2026-12-05. The
  // shell is a Suspense boundary and a loading card; the panel (queries, the auto-recharge
  // schemas, the status line, the Radix Switch form, de/ja/ar strings) is one lazy chunk
  // (8.8 KB). The shell measures 4.3 KB because esbuild puts valibot's share (1.5 KB) and
  // TanStack's mutation observer, which the panel shares with the provider's own lazy chunks,
  // into a chunk the page imports statically: open work, guarded at the figures measured.
  ['credits-react: AutoRechargeSettings shell over the provider', autoRechargeShell, 4.5, null],
  // 7.8 KB on 2026-12-05 after issue 16's widget remainder: its translations left the panel for
  // chunks of their own (one per language, the row below).
  ['credits-react: AutoRechargeSettings panel chunk, lazy', autoRechargeChunk, 9, null],
  // The status shell measures 3.7 KB for the same reason as AutoRechargeSettings' shell: esbuild
  // hoists valibot's share and TanStack's mutation observer, which the line's chunk uses, into a
  // chunk the page imports statically. Only pages that import AutoRechargeStatus pay it; the line
  // is not in BalanceCards itself, which would put those bytes in every page's first load.
  ['credits-react: AutoRechargeStatus (BalanceCards status slot), shell', statusShell, 4.5, null],
  ['credits-react: AutoRechargeStatus line chunk, lazy', statusChunk, 6, null],
  ...Object.entries(withAutoRecharge.autoRechargeCatalogues)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 1)
    .map(([name, bytes]) => [
      `credits-react: largest auto-recharge translation (${name}), lazy, one per page`,
      bytes,
      1.5,
      null,
    ]),
  // One language's words (issue 20), fetched only when the provider's locale needs them.
  ...Object.entries(widgets.catalogues)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 1)
    .map(([name, bytes]) => [
      `credits-react: largest translation (${name}), lazy, one per page`,
      bytes,
      4,
      null,
    ]),
  // The budget was 5 KB until 2026-12: that left 0.6 KB for response validation, less
  // than valibot's own ~1.4 KB share (issue 8 measured it), so it is now 6 KB.
  ['credits-core: client entry (client, schemas, errors)', coreClient.initial, 6, null],
  // 10.6 KB until the resume-after-reload store (pendingPurchaseStore) came in; 11.2 KB until
  // an unsettled attempt was kept through pay()/reset() and a purchase's ledger row was
  // written into the loaded history lists (+0.3 KB, both user-visible fixes); 11.5 KB until
  // saving a card moved from credits-react into core (createSaveCardFlow on a shared attempt
  // core, optimistic saved-card mutations with rollback, the expired-card rule: +0.8 KB here,
  // code credits-react no longer carries); 12.4 KB measured on 2026-12-05 after merging main
  // (CONTRACT_VERSION and MAX_SEARCH_LENGTH got their one owner in core there, +0.1 KB);
  // 12.5 KB since issue 13's limits (request ids at most 255 characters, dates PostgreSQL can
  // store: the request schemas both backends share, a few dozen bytes over 12.4); 12.9 KB with
  // issue 15's event schemas (the client validates the live stream's events: +0.2 KB) and
  // issue 17's usage series (a new operation, its response schemas and query factory, and the
  // usage ranking's page cursor: +0.2 KB).
  // 13.0 KB with both issue 15's and 17's additions merged (12.95 KB measured).
  // 13.1 KB since UsageByWebsite's "Show more" (issue 17 follow-ups): the usage ranking's
  // infinite-query factory (each next page asks for the first page's own period, so a default
  // period's cursor stays valid) and its key, 13,333 B measured (+21 B over 13 KB).
  // 13,406 B measured on 2026-12-05 with the sandbox entry's number → token table (what a
  // browser form needs, apart from the cards' outcomes; about +30 B here, −144 B in the
  // widgets' lazy chunk). 13,440 B once merged with the time-zone formatter cache (one
  // Intl.DateTimeFormat per zone, shared by the day starts and the usage buckets: the demo's
  // load spent 225 ms building formatters at 4× CPU): guarded at 13.2 KB.
  // 13.2 KB since issue 16's one-click recovery: the purchase flow's complete(purchaseId), which
  // picks up an existing purchase (an auto-recharge's 3D Secure) instead of creating one.
  ['credits-core: every export (all five entry points)', coreAll.initial, 8, 13.2],
  [
    'credits-core: client entry, our code only (valibot external)',
    coreClientOwn.initial,
    null,
    null,
  ],
  ['credits-core: every export, our code only (valibot external)', coreAllOwn.initial, null, null],
  ...coreEntries.map(([name, bytes]) => [name, bytes, null, null]),
];

const failures = [];
const lines = ['| bundle | min+gzip | target | verdict |', '|---|---|---|---|'];
for (const [name, bytes, target, guard, lazy] of rows) {
  const size = `${kb(bytes)}${lazy ? ` (+${kb(lazy)} lazy)` : ''}`;
  let verdict = '';
  if (target !== null && bytes <= target * 1024) verdict = '✓';
  else if (target !== null) verdict = `✗ over by ${kb(bytes - target * 1024)}`;
  if (guard !== null) {
    verdict += `${verdict ? '; ' : ''}guarded at ${guard} KB`;
    if (bytes > guard * 1024) failures.push(`${name}: ${kb(bytes)} > guard ${guard} KB`);
  } else if (target !== null && bytes > target * 1024) {
    failures.push(`${name}: ${kb(bytes)} > ${target} KB`);
  }
  lines.push(`| ${name} | ${size} | ${target === null ? '—' : `≤ ${target} KB`} | ${verdict} |`);
}
const ratio = balanceOnly.initial / widgets.initial;
// What BalanceCards alone must never load up front: dialogs, Stripe, the virtualiser, CSV.
const mustBeLazy = {
  'Radix dialogs': /radix-ui|@radix-ui\/react-(alert-)?dialog/,
  Stripe: /@stripe\//,
  'TanStack Virtual': /virtual-core|react-virtual/,
  'CSV export': /transactionsToCsv|exportTransactions|exportCsv/,
};
// No translation may be in any first load: English is built in, the others are fetched on demand.
if (Object.keys(withAutoRecharge.autoRechargeCatalogues).length !== 6)
  failures.push(
    `translations: expected 6 lazy auto-recharge catalogue chunks, found ${Object.keys(withAutoRecharge.autoRechargeCatalogues).join(', ') || 'none'}`,
  );
if (Object.keys(widgets.catalogues).length !== 6)
  failures.push(
    `translations: expected 6 lazy catalogue chunks, found ${Object.keys(widgets.catalogues).join(', ') || 'none'}`,
  );
for (const inputs of [widgets.initialInputs, balanceOnly.initialInputs])
  if (inputs.some((input) => /labels\/catalogues\//.test(input)))
    failures.push('translations: a catalogue is in the initial load');
const leaked = Object.entries(mustBeLazy)
  .filter(([, pattern]) => balanceOnly.initialInputs.some((input) => pattern.test(input)))
  .map(([name]) => name);
if (leaked.length > 0)
  failures.push(`tree-shaking: Provider + BalanceCards loads ${leaked.join(', ')} up front`);
if (ratio > 0.5)
  failures.push(
    `tree-shaking: Provider + BalanceCards is ${(ratio * 100).toFixed(0)} % of all widgets`,
  );
lines.push(
  `| tree-shaking: Provider + BalanceCards ÷ all widgets (initial) | ${(ratio * 100).toFixed(0)} % | ≤ 50 % | ${ratio <= 0.5 ? '✓' : '✗'}; ${leaked.length === 0 ? 'no dialog, Stripe, virtualiser or CSV code in it (checked in the bundle)' : `✗ loads ${leaked.join(', ')}`} |`,
  '',
  'Peers, measured the same way (from issue 8, 2026-11-24): Schematic ~158 KB for one widget, Stigg ~540 KB, Clerk `<PricingTable/>` ~33 KB + ~380 KB fetched at runtime, Autumn hooks-only ~12.5 KB, Flowglad hooks-only ~66 KB. Our building blocks: react-query 10.5 KB, Radix Dialog + AlertDialog 14.6 KB, react-stripe-js 4.6 KB, loadStripe 1.4 KB, TanStack Virtual 10.5 KB.',
);
const report = [
  '# Bundle sizes',
  '',
  'esbuild, minified ESM for the browser, NODE_ENV=production, gzip -9, react and react-dom external; lazily imported chunks (dialogs, Stripe, CSV export) counted separately. Written by `pnpm bench` (scripts/bench/sizes.mjs); `pnpm test:size` enforces the budgets.',
  '',
  ...lines,
].join('\n');
console.log(lines.join('\n'));
writeFileSync(new URL('../../benchmarks/results/bundle-sizes.md', import.meta.url), `${report}\n`);
if (process.argv.includes('--check') && failures.length > 0) {
  console.error(`\nOver budget:\n${failures.map((line) => `  ${line}`).join('\n')}`);
  process.exit(1);
}
