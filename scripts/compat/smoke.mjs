// The compat smoke test. run.mjs copies it into each scratch project
// (.cache/compat/<cell>/) next to the cell's node_modules and runs it with the
// cell's Node: `node --import ./guard.mjs smoke.mjs`. It uses the published
// tarballs the way a host does — ESM import and CommonJS require — and prints
// one line per check: `ok   <check> — <detail>` or `FAIL <check>: <reason>`
// (so a check's name never contains ': ' or ' — '). Exit code 1 on any failure.
// credits-conformance's installed bin runs against a credits-msw server of its own.
// In cells marked `typecheck` it also compiles host.tsx with the cell's tsc (last section).
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { basename, delimiter, dirname, resolve as resolvePath } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const cell = JSON.parse(readFileSync(here('./compat-cell.json'), 'utf8'));

const LOCALE = 'en-US';
const ACCOUNT = 'compat';
const TOKEN = 'compat-token';
/** Formatted like the widgets' full (sr-only) balance, but with Intl directly, not our formatter. */
const creditsText = (n) => `${new Intl.NumberFormat(LOCALE).format(n)} credits`;

const results = [];
const state = {};

async function check(name, run, needs = []) {
  const missing = needs.filter((key) => state[key] === undefined);
  if (missing.length > 0) {
    results.push(false);
    console.log(`FAIL ${name}: not run, needs ${missing.join(', ')} from an earlier check`);
    return;
  }
  const started = performance.now();
  const ms = () => `${Math.round(performance.now() - started)} ms`;
  try {
    const detail = await run();
    results.push(true);
    console.log(`ok   ${name} — ${detail ? `${detail}, ` : ''}${ms()}`);
  } catch (error) {
    results.push(false);
    console.log(`FAIL ${name}: ${describe(error)} (${ms()})`);
    // Lines a failure explains itself with (tsc's diagnostics), indented: never read as a check.
    for (const line of error?.details ?? []) console.log(`    ${line}`);
    if (process.env.COMPAT_VERBOSE && error instanceof Error) console.log(error.stack);
  }
}

/** One line: the error and its causes (a CreditsNetworkError wraps what fetch threw). */
function describe(error) {
  const parts = [];
  for (let e = error; e !== undefined && parts.length < 4; e = e?.cause) {
    parts.push(e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e));
  }
  return parts.join(' ← caused by ');
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertExports(label, mod, names) {
  const missing = names.filter((name) => mod[name] === undefined);
  assert(missing.length === 0, `${label} lacks ${missing.join(', ')}`);
}

/** A loopback port nothing listens on (just released by the OS). */
const closedPort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });

const installed = (name) =>
  JSON.parse(readFileSync(here(`./node_modules/${name}/package.json`), 'utf8')).version;

function waitFor(flow, statuses, ms = 10_000) {
  return new Promise((resolve, reject) => {
    const done = () => {
      const snapshot = flow.getSnapshot();
      if (!statuses.includes(snapshot.status)) return false;
      clearTimeout(timer);
      unsubscribe();
      resolve(snapshot);
      return true;
    };
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`purchase flow stuck in '${flow.getSnapshot().status}'`));
    }, ms);
    const unsubscribe = flow.subscribe(done);
    done();
  });
}

// ─── Runtime and installed versions ───────────────────────────────────────────
await check('runtime', () => {
  const major = Number(process.versions.node.split('.')[0]);
  assert(major === cell.node, `Node ${process.version}, the cell wants Node ${cell.node}`);
  return `Node ${process.version}`;
});

await check('installed versions', () => {
  const wrong = Object.entries(cell.versions)
    .map(([name, version]) => [name, version, installed(name)])
    .filter(([, want, got]) => want !== got);
  assert(
    wrong.length === 0,
    wrong.map(([name, want, got]) => `${name} ${got} (want ${want})`).join(', '),
  );
  return Object.entries(cell.versions)
    .map(([name, version]) => `${name}@${version}`)
    .join(' ');
});

// ─── Imports: ESM and CommonJS ────────────────────────────────────────────────
await check('ESM import credits-core (+ /query /payments /sandbox /export)', async () => {
  const [core, query, payments, sandbox, exporter] = await Promise.all([
    import('credits-core'),
    import('credits-core/query'),
    import('credits-core/payments'),
    import('credits-core/sandbox'),
    import('credits-core/export'),
  ]);
  assertExports('credits-core', core, ['createCreditsClient', 'formatCredits', 'isCreditsError']);
  assertExports('credits-core/query', query, ['dehydrateCredits', 'balanceQueryOptions']);
  assertExports('credits-core/payments', payments, [
    'createPurchaseFlow',
    'createSandboxPaymentProvider',
  ]);
  assertExports('credits-core/sandbox', sandbox, ['sandboxCardForNumber', 'SANDBOX_PACKAGES']);
  assert(Object.keys(exporter).length > 0, 'credits-core/export has no exports');
  state.esm = { core, query, payments, sandbox };
});

await check('CJS require credits-core (+ /query /payments /sandbox /export)', () => {
  const core = require('credits-core');
  const query = require('credits-core/query');
  const payments = require('credits-core/payments');
  const sandbox = require('credits-core/sandbox');
  const exporter = require('credits-core/export');
  assertExports('credits-core', core, ['createCreditsClient', 'formatCredits', 'isCreditsError']);
  assertExports('credits-core/query', query, ['dehydrateCredits', 'balanceQueryOptions']);
  assertExports('credits-core/payments', payments, ['createPurchaseFlow']);
  assertExports('credits-core/sandbox', sandbox, ['sandboxCardForNumber']);
  assert(Object.keys(exporter).length > 0, 'credits-core/export has no exports');
  require('credits-core/openapi.json');
  state.cjs = { core, query };
});

await check('ESM import credits-react (+ styles.css)', async () => {
  const react = await import('credits-react');
  assertExports('credits-react', react, [
    'CreditsProvider',
    'BalanceCards',
    'HistoryTable',
    'AddCreditsDialog',
    'PaymentMethods',
  ]);
  const css = readFileSync(fileURLToPath(import.meta.resolve('credits-react/styles.css')), 'utf8');
  assert(css.includes('--credits-'), 'credits-react/styles.css has no --credits-* tokens');
  state.esmReact = react;
  return `styles.css ${(css.length / 1024).toFixed(1)} KB`;
});

await check('CJS require credits-react', () => {
  const react = require('credits-react');
  assertExports('credits-react', react, ['CreditsProvider', 'BalanceCards', 'HistoryTable']);
  state.cjsReact = react;
});

await check('ESM import credits-msw, credits-msw/node', async () => {
  const [msw, node] = await Promise.all([import('credits-msw'), import('credits-msw/node')]);
  assertExports('credits-msw', msw, ['createCreditsHandlers', 'createCreditsBackend']);
  assertExports('credits-msw/node', node, ['startCreditsServer']);
  state.msw = { ...msw, ...node };
});

await check('ESM import credits-conformance', async () => {
  const conformance = await import('credits-conformance');
  assertExports('credits-conformance', conformance, [
    'runConformance',
    'formatReport',
    'conformanceChecks',
  ]);
  return `${conformance.conformanceChecks.length} checks`;
});

await check('CJS require credits-msw, credits-msw/node', () => {
  const msw = require('credits-msw');
  const node = require('credits-msw/node');
  assertExports('credits-msw', msw, ['createCreditsHandlers']);
  assertExports('credits-msw/node', node, ['startCreditsServer']);
});

// ─── credits-core end to end against credits-msw ──────────────────────────────
await check('msw setupServer (interceptors), balance then a purchase with the saved card', async () => {
  const { setupServer } = await import('msw/node');
  const { createCreditsBackend, createCreditsHandlers } = state.msw;
  const { createCreditsClient } = state.esm.core;
  const { createPurchaseFlow, createSandboxPaymentProvider } = state.esm.payments;
  // A closed loopback port: if interception ever fails, nothing leaves the machine.
  const baseUrl = `http://127.0.0.1:${await closedPort()}/api/credits/v1`;
  const server = setupServer(
    ...createCreditsHandlers({ baseUrl, backend: createCreditsBackend() }),
  );
  // msw 2 calls the option onUnhandledRequest, msw 3 onUnhandledFrame (and ignores the other).
  server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
  try {
    const client = createCreditsClient({ baseUrl });
    const before = (await client.getBalance()).available;
    const card = (await client.listPaymentMethods()).data.find((method) => method.isDefault);
    assert(card, 'the seeded backend has no default card');
    const flow = createPurchaseFlow({ client, provider: createSandboxPaymentProvider(client) });
    flow.pay('pkg_10k', { type: 'saved', paymentMethodId: card.id });
    const done = await waitFor(flow, ['succeeded', 'declined', 'error']);
    assert(done.status === 'succeeded', `purchase ended '${done.status}'`);
    const after = (await client.getBalance()).available;
    assert(after === before + 10_000, `balance ${before} → ${after}, want +10,000`);
    return `${creditsText(before)} → ${creditsText(after)}`;
  } finally {
    server.close();
  }
}, ['msw', 'esm']);

await check('credits-msw/node server over HTTP', async () => {
  const { createCreditsBackend, createCreditsHandlers, startCreditsServer } = state.msw;
  const backend = createCreditsBackend();
  const server = await startCreditsServer({
    handlers: createCreditsHandlers({ backend, requireAuth: true }),
  });
  state.server = server;
  const response = await fetch(`${server.baseUrl}/balance`);
  assert(response.status === 401, `unauthenticated GET /balance answered ${response.status}`);
  return server.baseUrl;
}, ['msw']);

const newClient = (core, extra = {}) =>
  core.createCreditsClient({
    baseUrl: state.server.baseUrl,
    headers: { Authorization: `Bearer ${TOKEN}` },
    ...extra,
  });

await check('sandbox purchase with a new test card (createPurchaseFlow + createSandboxPaymentProvider)', async () => {
  const { createPurchaseFlow, createSandboxPaymentProvider } = state.esm.payments;
  const { sandboxCardForNumber } = state.esm.sandbox;
  const client = newClient(state.esm.core);
  const before = (await client.getBalance()).available;
  const card = sandboxCardForNumber('4242 4242 4242 4242');
  assert(card?.token === 'pm_card_visa', 'sandboxCardForNumber did not map 4242…');
  let succeeded;
  const flow = createPurchaseFlow({
    client,
    provider: createSandboxPaymentProvider(client),
    onSucceeded: (purchase) => {
      succeeded = purchase;
    },
  });
  const statuses = [];
  flow.subscribe(() => statuses.push(flow.getSnapshot().status));
  await flow.pay('pkg_10k', { type: 'new', card: { token: card.token } });
  const done = await waitFor(flow, ['succeeded', 'declined', 'error']);
  assert(done.status === 'succeeded', `purchase ended '${done.status}' (${statuses.join(' → ')})`);
  assert(succeeded?.credits === 10_000, 'onSucceeded did not get the 10,000-credit purchase');
  const after = (await client.getBalance()).available;
  assert(after === before + 10_000, `balance ${before} → ${after}, want +10,000`);
  const latest = (await client.listTransactions({ limit: 1 })).data[0];
  assert(
    latest?.type === 'purchase' && latest.amount === 10_000,
    `newest ledger row is ${latest?.type} ${latest?.amount}`,
  );
  state.balance = after;
  return `${statuses.join(' → ')}; ${creditsText(before)} → ${creditsText(after)}`;
}, ['esm', 'server']);

await check('sandbox purchase with 3D Secure (challenge → complete)', async () => {
  const { createPurchaseFlow, createSandboxPaymentProvider } = state.esm.payments;
  const client = newClient(state.esm.core);
  const flow = createPurchaseFlow({ client, provider: createSandboxPaymentProvider(client) });
  await flow.pay('pkg_50k', { type: 'new', card: { token: 'pm_card_threeDSecure2Required' } });
  const challenge = await waitFor(flow, ['challenge', 'succeeded', 'declined', 'error']);
  assert(challenge.status === 'challenge', `expected a challenge, got '${challenge.status}'`);
  await flow.authenticate('complete');
  const done = await waitFor(flow, ['succeeded', 'declined', 'error']);
  assert(done.status === 'succeeded', `purchase ended '${done.status}'`);
  const after = (await client.getBalance()).available;
  assert(after === state.balance + 50_000, `balance ${state.balance} → ${after}, want +50,000`);
  state.balance = after;
  return creditsText(after);
}, ['esm', 'server', 'balance']);

await check('CJS credits-core client reads the same balance', async () => {
  const balance = await newClient(state.cjs.core).getBalance();
  assert(balance.available === state.balance, `CJS read ${balance.available}`);
}, ['cjs', 'server', 'balance']);

// ─── Server rendering with react-dom/server ───────────────────────────────────
/**
 * What a host's server does. `dehydrate`: dehydrateCredits, serialise, render under
 * <HydrationBoundary> (the Next.js example's way). `prefetch`: prefetchCredits into a
 * QueryClient and hand that client to <CreditsProvider queryClient>.
 */
async function serverRender(mode, { React, renderToString, ReactQuery, core, query, widgets }) {
  const client = newClient(core);
  const h = React.createElement;
  const props = { client, account: ACCOUNT, locale: LOCALE, timeZone: 'UTC' };
  const options = { client, account: ACCOUNT, include: { balance: true } };
  if (mode === 'prefetch') {
    const queryClient = new ReactQuery.QueryClient();
    await query.prefetchCredits(queryClient, options);
    const html = renderToString(
      h(widgets.CreditsProvider, { ...props, queryClient }, h(widgets.BalanceCards)),
    );
    return { html };
  }
  const dehydrated = await query.dehydrateCredits(new ReactQuery.QueryClient(), options);
  const state = JSON.parse(JSON.stringify(dehydrated)); // over the wire, as a framework sends it
  const html = renderToString(
    h(
      widgets.CreditsProvider,
      props,
      h(ReactQuery.HydrationBoundary, { state }, h(widgets.BalanceCards)),
    ),
  );
  return { html, state };
}

function assertBalanceHtml(html, label) {
  const want = creditsText(state.balance);
  assert(!html.includes('data-status="loading"'), `${label}: rendered the loading state`);
  assert(html.includes('data-slot="balance-card"'), `${label}: no balance card in the HTML`);
  assert(html.includes(want), `${label}: HTML lacks '${want}'`);
  return want;
}

await check('SSR (ESM) dehydrateCredits + HydrationBoundary, renderToString <CreditsProvider><BalanceCards/>', async () => {
  const React = await import('react');
  const { renderToString } = await import('react-dom/server');
  const ReactQuery = await import('@tanstack/react-query');
  assert(React.version === cell.versions.react, `React.version is ${React.version}`);
  const { html, state: dehydrated } = await serverRender('dehydrate', {
    React,
    renderToString,
    ReactQuery,
    core: state.esm.core,
    query: state.esm.query,
    widgets: state.esmReact,
  });
  state.ssr = { html, dehydrated };
  return `React ${React.version}, ${html.length} chars, has '${assertBalanceHtml(html, 'ESM')}'`;
}, ['esm', 'esmReact', 'server', 'balance']);

await check('SSR (CJS) prefetchCredits into <CreditsProvider queryClient>, renderToString', async () => {
  const { html } = await serverRender('prefetch', {
    React: require('react'),
    renderToString: require('react-dom/server').renderToString,
    ReactQuery: require('@tanstack/react-query'),
    core: state.cjs.core,
    query: state.cjs.query,
    widgets: state.cjsReact,
  });
  return `has '${assertBalanceHtml(html, 'CJS')}'`;
}, ['cjs', 'cjsReact', 'server', 'balance']);

// ─── Hydration in jsdom (own process: `window` must exist before React loads) ─
/** Runs a script of this cell with this Node, stdin in, output back; async so our server keeps answering. */
function runChild(script, input, ms = 60_000) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', './guard.mjs', script], {
      cwd: here('.'),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, out: out.trim() });
    });
    child.stdin.end(input);
  });
}

await check('hydrateRoot in jsdom, no mismatch, no refetch; every widget renders, the dialog opens', async () => {
  const { code, signal, out } = await runChild(
    'hydrate.mjs',
    JSON.stringify({
      html: state.ssr.html,
      dehydrated: state.ssr.dehydrated,
      baseUrl: state.server.baseUrl,
      token: TOKEN,
      account: ACCOUNT,
      locale: LOCALE,
      want: creditsText(state.balance),
    }),
  );
  assert(
    code === 0,
    out.split('\n').filter(Boolean).slice(0, 4).join(' | ') || `exit ${code ?? signal}`,
  );
  return out.split('\n').at(-1);
}, ['ssr', 'server']);

await state.server?.close();

// ─── credits-conformance: the published CLI against credits-msw over HTTP ─────
/**
 * Runs the installed bin as a host's shell or `npx` does: node_modules/.bin/credits-conformance
 * through its `#!/usr/bin/env node` line, with this cell's Node first on PATH, under guard.mjs
 * (NODE_OPTIONS) so that it too resolves credits-core and valibot inside the scratch project.
 */
function conformanceCli(args, ms = 60_000) {
  // `env node` finds the first `node` on PATH: this cell's only if that is its file name.
  assert(basename(process.execPath) === 'node', `this cell's Node is ${process.execPath}`);
  return new Promise((resolve) => {
    const child = spawn(here('./node_modules/.bin/credits-conformance'), args, {
      cwd: here('.'),
      env: {
        ...process.env,
        PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
        NODE_OPTIONS:
          `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(here('./guard.mjs'))}`.trim(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('error', (error) => {
      stderr += `${error.message}\n`;
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const lines = stdout.trimEnd().split('\n'); // not trim(): the first line's indent counts
      resolve({
        code,
        signal,
        stderr: stderr.trim(),
        lines,
        passed: lines.filter((line) => /^ {2}✓ /.test(line)),
        failed: lines.filter((line) => /^ {2}✗ /.test(line)),
        // The CLI's last line: `26 passed, 0 failed, 2 skipped`.
        tally: /^(\d+) passed, (\d+) failed(?:, (\d+) skipped)?$/.exec(lines.at(-1) ?? ''),
      });
    });
  });
}

/** What to show when the CLI did not do what a check expected. */
const cliOutcome = ({ code, signal, stderr, lines, failed }) =>
  `exit ${code ?? signal}; ${[...failed.slice(0, 2), lines.at(-1), stderr.split('\n')[0]]
    .filter(Boolean)
    .map((line) => line.trim())
    .join(' | ')}`;

await check('credits-conformance CLI (published bin) passes against credits-msw over HTTP', async () => {
  const { createCreditsBackend, createCreditsHandlers, startCreditsServer } = state.msw;
  // Its own server and backend: the kit buys credits and deletes cards.
  const server = await startCreditsServer({
    handlers: createCreditsHandlers({ backend: createCreditsBackend(), requireAuth: true }),
  });
  try {
    const run = await conformanceCli(['--base-url', server.baseUrl, '--token', TOKEN]);
    assert(run.code === 0 && run.failed.length === 0 && run.tally, cliOutcome(run));
    const [, passed, failed] = run.tally.map(Number);
    assert(
      failed === 0 && passed > 0 && passed === run.passed.length,
      `summary '${run.lines.at(-1)}' but ${run.passed.length} ✓ lines`,
    );
    // The checks that buy, save cards and page the ledger ran and passed, not only the reads.
    const missing = [
      'config.schema',
      'errors.unauthenticated',
      'idempotency.replay',
      'purchase.sandboxLifecycle',
      'paymentMethods.rules',
      'transactions.pagination',
    ].filter((id) => !run.passed.some((line) => line.startsWith(`  ✓ ${id} `)));
    assert(missing.length === 0, `no ✓ line for ${missing.join(', ')}`);
    return `'${run.lines.at(-1)}', Node ${process.version} via #!/usr/bin/env node`;
  } finally {
    await server.close();
  }
}, ['msw']);

await check(
  'credits-conformance CLI (published bin) fails against a closed port, and without --base-url',
  async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}/api/credits/v1`;
    const run = await conformanceCli(['--base-url', baseUrl, '--token', TOKEN]);
    assert(run.code === 1 && run.tally, `closed port: ${cliOutcome(run)}`);
    const [, passed, failed] = run.tally.map(Number);
    // Not one check may pass against nothing, and each failure must say the backend is unreachable.
    assert(
      passed === 0 && run.passed.length === 0 && failed > 0 && failed === run.failed.length,
      `closed port: summary '${run.lines.at(-1)}', ${run.passed.length} ✓ lines, ${run.failed.length} ✗ lines`,
    );
    const explained = run.lines.filter((line) => /^ {6}\S/.test(line)).map((line) => line.trim());
    // The checks that need GET /config are skipped, pointing at config.schema's failure; the
    // Server API's checks are skipped because no secret key was given (--api-key).
    const skips = explained.filter((line) => line.startsWith('skipped: '));
    const reasons = explained.filter((line) => !line.startsWith('skipped: '));
    const unclear = [
      ...reasons.filter((line) => !/could not run: .*(fetch failed|ECONNREFUSED)/.test(line)),
      ...skips.filter(
        (line) =>
          !/needs GET \/config, which failed: see config\.schema|needs the Server API: pass its secret key/.test(
            line,
          ),
      ),
    ];
    assert(
      reasons.length === failed && unclear.length === 0,
      `closed port: ${reasons.length} reasons for ${failed} failures, e.g. '${unclear[0] ?? reasons[0]}'`,
    );
    const usage = await conformanceCli(['--token', TOKEN]);
    assert(
      usage.code === 2 &&
        usage.lines.join('') === '' &&
        usage.stderr.startsWith('Usage: credits-conformance --base-url URL'),
      `no --base-url: ${cliOutcome(usage)}`,
    );
    return `closed port: exit 1, '${run.lines.at(-1)}', '${reasons[0]}'; no --base-url: exit 2, usage on stderr`;
  },
);

// ─── Host type-check: tsc compiles host.tsx against the published .d.ts files ──
/**
 * A TypeScript host with the strictest common settings (`--strict --skipLibCheck false`),
 * so an error inside our .d.ts files (an undeclared name, an import that does not resolve)
 * fails here as it fails for a host. An ES-module host reads the `import` types (.d.ts),
 * a CommonJS host the `require` ones (.d.cts): its own package.json decides, as in Node.
 * The CommonJS host is checked as `node20`, TypeScript's model of Node 20.19+, which can
 * require() an ES module: under `node16`, msw's own types fail for any CommonJS host
 * (msw 2's import the ESM-only rettime and type-fest; msw 3 is ESM-only).
 */
const TYPECHECKS = [
  { label: 'node16, ESM host', host: 'esm', module: 'node16', moduleResolution: 'node16' },
  { label: 'bundler', host: 'esm', module: 'esnext', moduleResolution: 'bundler' },
  { label: 'node20, CommonJS host', host: 'cjs', module: 'node20', moduleResolution: 'node16' },
];

function writeHosts() {
  for (const [host, type] of [
    ['esm', 'module'],
    ['cjs', 'commonjs'],
  ]) {
    mkdirSync(here(`./typecheck/${host}`), { recursive: true });
    writeFileSync(here(`./typecheck/${host}/package.json`), `${JSON.stringify({ type })}\n`);
    copyFileSync(here('./host.tsx'), here(`./typecheck/${host}/host.tsx`));
  }
}

/** Runs the cell's tsc with the cell's Node; resolves with its exit code and output lines. */
function tsc(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [here('./node_modules/typescript/bin/tsc'), ...args], {
      cwd: here('.'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk) => {
      out += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000); // run.mjs waits 300 s
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, lines: out.split('\n').filter(Boolean) });
    });
  });
}

async function typecheck({ host, module, moduleResolution }) {
  const started = performance.now();
  const { code, signal, lines } = await tsc([
    ...['--noEmit', '--strict', '--skipLibCheck', 'false', '--jsx', 'react-jsx'],
    ...['--module', module, '--moduleResolution', moduleResolution],
    // TypeScript 6 includes no @types package unless named: Node's, as a Node host does.
    ...['--types', 'node'],
    // Else TypeScript 6 refuses to run: it finds the monorepo's tsconfig.json up the tree.
    '--ignoreConfig',
    // Warm runs recheck only what changed (the tarballs): ~2 s instead of ~15 s. The
    // build info keeps every file's hash and diagnostics, so nothing stale can pass.
    ...['--incremental', '--tsBuildInfoFile', `typecheck/${module}-${host}.tsbuildinfo`],
    ...['--pretty', 'false', '--listFiles'],
    `typecheck/${host}/host.tsx`,
  ]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // --listFiles prints every file of the program; the other lines are diagnostics.
  const isFile = (line) => !/^\s/.test(line) && existsSync(resolvePath(here('.'), line));
  const files = lines.filter(isFile).map((line) => resolvePath(here('.'), line));
  const diagnostics = lines.filter((line) => !isFile(line));
  // Like guard.mjs: TypeScript too walks up to the monorepo's node_modules for what is missing.
  const outside = files.filter((file) => !file.startsWith(here('./')));
  if (diagnostics.length > 0 || outside.length > 0 || code !== 0) {
    const errors = diagnostics.filter((line) => /\berror TS\d+/.test(line));
    const error = new Error(
      outside.length > 0
        ? `${outside.length} type files resolved outside the scratch project, e.g. ${outside[0]}`
        : `tsc exited ${code ?? signal} with ${errors.length} errors, first ${errors[0] ?? diagnostics[0] ?? '(none printed)'}`,
    );
    error.details = [...diagnostics, ...outside.slice(0, 5).map((file) => `outside: ${file}`)];
    throw error;
  }
  const ours = files.filter((file) => /\/node_modules\/credits-(core|react|msw)\//.test(file));
  const types = ['typescript', '@types/react', 'msw'].map((name) => `${name} ${installed(name)}`);
  return `tsc --module ${module} --moduleResolution ${moduleResolution}, 0 diagnostics in ${files.length} files (${ours.length} from credits-*), ${seconds}s; ${types.join(', ')}`;
}

if (cell.typecheck) {
  writeHosts();
  // All at once (each tsc is single-threaded); reported one by one.
  const runs = TYPECHECKS.map((run) => ({ ...run, result: typecheck(run) }));
  for (const run of runs) run.result.catch(() => {}); // awaited below, in order
  for (const run of runs) await check(`host type-check (${run.label})`, () => run.result);
}

const failed = results.filter((ok) => !ok).length;
console.log(`smoke ${cell.name}: ${results.length - failed} ok, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
