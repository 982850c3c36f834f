import {
  createCreditsClient,
  formatCredits,
  formatDate,
  formatMoney,
  isCreditsError,
} from 'credits-core';
import { createPurchaseFlow, createSandboxPaymentProvider } from 'credits-core/payments';
import { sandboxCardForNumber } from 'credits-core/sandbox';

/**
 * credits-core on its own: the same client, formatters and purchase-flow store
 * the React widgets use, bound to plain DOM. Backend text goes in with
 * `textContent` only, never as HTML.
 */
const client = createCreditsClient({
  baseUrl: '/api/credits/v1',
  headers: { Authorization: 'Bearer vanilla' },
});
const locale = navigator.language;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

async function showBalance() {
  const balance = await client.getBalance();
  $('available').textContent = `${formatCredits(balance.available, { locale })} credits`;
}

async function showHistory() {
  const page = await client.listTransactions({ limit: 10 });
  const body = $('history');
  body.replaceChildren(
    ...page.data.map((row) => {
      const tr = document.createElement('tr');
      for (const [text, className] of [
        [formatDate(row.createdAt, { locale }), ''],
        [row.description, ''],
        [formatCredits(row.amount, { locale, signDisplay: 'exceptZero' }), 'amount'],
        [formatCredits(row.balanceAfter, { locale }), 'amount'],
      ] as const) {
        const td = document.createElement('td');
        td.textContent = text;
        if (className) td.className = className;
        tr.append(td);
      }
      return tr;
    }),
  );
}

async function showPackages() {
  const { data } = await client.listPackages();
  $('package').replaceChildren(
    ...data.map(
      (pkg) =>
        new Option(
          `${formatCredits(pkg.credits, { locale })} credits — ${formatMoney(pkg.price, { locale })}`,
          pkg.id,
        ),
    ),
  );
}

const flow = createPurchaseFlow({
  client,
  provider: createSandboxPaymentProvider(client),
  onSucceeded: () => void Promise.all([showBalance(), showHistory()]),
});

flow.subscribe(() => {
  const state = flow.getSnapshot();
  $<HTMLButtonElement>('pay').disabled = state.status === 'paying' || state.status === 'processing';
  $('challenge').hidden = state.status !== 'challenge';
  $('status').textContent =
    state.status === 'paying'
      ? 'Processing payment…'
      : state.status === 'processing'
        ? 'Waiting for the payment to be confirmed…'
        : state.status === 'succeeded'
          ? `Added ${formatCredits(state.purchase.credits, { locale })} credits.`
          : state.status === 'declined'
            ? state.failure.message
            : state.status === 'error'
              ? `Something went wrong (${state.error.code}).`
              : '';
});

$('buy').addEventListener('submit', (event) => {
  event.preventDefault();
  const card = sandboxCardForNumber($<HTMLInputElement>('card').value);
  if (!card) {
    $('status').textContent = 'Use one of Stripe’s test card numbers (test mode).';
    return;
  }
  void flow.pay($<HTMLSelectElement>('package').value, {
    type: 'new',
    card: { token: card.token },
  });
});
$('complete').addEventListener('click', () => void flow.authenticate('complete'));
$('fail').addEventListener('click', () => void flow.authenticate('fail'));

Promise.all([showBalance(), showHistory(), showPackages()]).catch((error: unknown) => {
  $('status').textContent = isCreditsError(error)
    ? `Could not load credits (${error.code}).`
    : String(error);
});
