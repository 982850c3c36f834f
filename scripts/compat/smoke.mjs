// The compat smoke test. run.mjs copies it into each scratch project
// (.cache/compat/<cell>/) next to the cell's node_modules and runs it with the
// cell's Node: `node --import ./guard.mjs smoke.mjs`. It uses the published
// tarballs the way a host does — ESM import and CommonJS require — and prints
// one line per check: `ok   <check> — <detail>` or `FAIL <check>: <reason>`
// (so a check's name never contains ': ' or ' — '). Exit code 1 on any failure.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

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
  server.listen({ onUnhandledRequest: 'error' });
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

await check('hydrateRoot in jsdom, no mismatch, no refetch', async () => {
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

const failed = results.filter((ok) => !ok).length;
console.log(`smoke ${cell.name}: ${results.length - failed} ok, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
