// The browser half of the compat smoke test, run by smoke.mjs in its own process
// (`window` must exist before React DOM loads, and must not exist during SSR).
// Reads { html, dehydrated, baseUrl, … } on stdin, hydrates the server HTML in
// jsdom with the same tree, and fails on a hydration mismatch, a React error, a
// lost balance or a refetch of what the server already sent. Then it mounts every
// other widget in a second root, in this React version, and opens the purchase
// dialog: each must reach its success state and the dialog must offer packages.
import { JSDOM } from 'jsdom';

const input = JSON.parse(
  await new Promise((resolve) => {
    let text = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => {
      text += chunk;
    });
    process.stdin.on('end', () => resolve(text));
  }),
);

const dom = new JSDOM(
  `<!doctype html><html><body><div id="root">${input.html}</div></body></html>`,
  {
    url: 'http://localhost/',
    pretendToBeVisual: true,
  },
);
for (const key of Object.getOwnPropertyNames(dom.window)) {
  if (key in globalThis) continue;
  Object.defineProperty(globalThis, key, {
    configurable: true,
    get: () => dom.window[key],
  });
}
// Node has its own Event, CustomEvent and EventTarget: events dispatched on DOM nodes
// (Radix dispatches CustomEvents) must be the DOM's. Fetch keeps Node's AbortSignal.
for (const key of ['Event', 'CustomEvent', 'EventTarget']) {
  Object.defineProperty(globalThis, key, { configurable: true, value: dom.window[key] });
}
// Node 21+ has its own global navigator (a getter): replace it with the browser's.
Object.defineProperty(globalThis, 'navigator', { configurable: true, value: dom.window.navigator });
Object.defineProperty(globalThis, 'window', { configurable: true, value: dom.window });
Object.defineProperty(globalThis, 'document', { configurable: true, value: dom.window.document });

const problems = [];
const consoleError = console.error;
console.error = (...args) => {
  problems.push(`console.error: ${args.map(String).join(' ').split('\n')[0]}`);
};

const React = await import('react');
const { hydrateRoot } = await import('react-dom/client');
const { HydrationBoundary } = await import('@tanstack/react-query');
const { createCreditsClient } = await import('credits-core');
const { BalanceCards, CreditsProvider } = await import('credits-react');

const requests = [];
const client = createCreditsClient({
  baseUrl: input.baseUrl,
  headers: { Authorization: `Bearer ${input.token}` },
  fetch: (url, init) => {
    requests.push(String(url).replace(input.baseUrl, ''));
    return fetch(url, init);
  },
});

const container = document.getElementById('root');
const serverCard = container.querySelector('[data-slot="balance-card"]');
let hydrated;
const committed = new Promise((resolve) => {
  hydrated = resolve;
});
/** Renders no DOM of its own: tells us when hydration has committed. */
function Probe({ children }) {
  React.useEffect(() => hydrated(), []);
  return children;
}

const h = React.createElement;
hydrateRoot(
  container,
  h(
    Probe,
    null,
    h(
      CreditsProvider,
      { client, account: input.account, locale: input.locale, timeZone: 'UTC' },
      h(HydrationBoundary, { state: input.dehydrated }, h(BalanceCards)),
    ),
  ),
  {
    onRecoverableError: (error) =>
      problems.push(`recoverable: ${String(error?.message ?? error).split('\n')[0]}`),
  },
);
await Promise.race([
  committed,
  new Promise((_, reject) =>
    setTimeout(() => reject(new Error('hydration did not commit in 10 s')), 10_000),
  ),
]);
await new Promise((resolve) => setTimeout(resolve, 300)); // a refetch would have started by now
const requestsAfterHydration = [...requests];

/** Polls `ready` (every 25 ms) until it holds; records `what` as a problem after 10 s. */
async function until(what, ready) {
  for (let waited = 0; waited < 10_000; waited += 25) {
    if (ready()) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  problems.push(`${what} within 10 s`);
  return false;
}
const { AddCreditsDialog, HistoryTable, PaymentMethods, UsageByWebsite } = await import(
  'credits-react'
);
const { createRoot } = await import('react-dom/client');
const widgets = document.createElement('div');
document.body.append(widgets);
createRoot(widgets).render(
  h(
    CreditsProvider,
    { client, account: input.account, locale: input.locale, timeZone: 'UTC' },
    h(AddCreditsDialog, null, h(AddCreditsDialog.Trigger)),
    h(HistoryTable),
    h(UsageByWebsite),
    h(PaymentMethods),
  ),
);
const mounted = ['history-table', 'usage-by-website', 'payment-methods'];
const status = (slot) =>
  widgets.querySelector(`[data-slot="${slot}"]`)?.getAttribute('data-status');
await until(`${mounted.join(', ')} reach data-status="success"`, () =>
  mounted.every((slot) => status(slot) === 'success'),
);
widgets.querySelector('[data-slot="add-credits-trigger"]')?.click();
const payable = () => {
  const pay = document.querySelector('[role="dialog"] [data-slot="pay-button"]');
  return (
    document.querySelectorAll('[role="dialog"] [data-slot="package-option"]').length > 0 &&
    pay !== null &&
    !pay.disabled
  );
};
await until('the purchase dialog offers packages and an enabled Pay button', payable);
console.error = consoleError;

const card = container.querySelector('[data-slot="balance-card"]');
if (card !== serverCard) problems.push('the server DOM was replaced, not hydrated');
if (!container.textContent.includes(input.want)) problems.push(`DOM lacks '${input.want}'`);
if (requestsAfterHydration.includes('/balance'))
  problems.push(`refetched: ${requestsAfterHydration.join(', ')} (all: ${requests.join(', ')})`);
if (problems.length > 0) {
  console.log(problems.join('\n'));
  process.exit(1);
}
console.log(
  `React ${React.version} hydrated the server HTML; requests after hydration: ${requestsAfterHydration.length === 0 ? 'none' : requestsAfterHydration.join(', ')}; HistoryTable, UsageByWebsite, PaymentMethods and the opened AddCreditsDialog rendered`,
);
process.exit(0);
