/**
 * Every widget in every state, in a pseudo-locale: any visible text or accessible name
 * (aria-label, title, placeholder, alt, aria-valuetext) that is not a bracketed pseudo label,
 * a number, a date or money from Intl, or the user's own data (descriptions, websites,
 * package names) is a hard-coded string that would stay English in every translation.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SANDBOX_PACKAGES } from 'credits-core/sandbox';
import { type CreditsScenarioName, createCreditsBackend, creditsScenarios } from 'credits-msw';
import { describe, expect, it } from 'vitest';
import { autoRechargeLabels } from '../src/AutoRechargeSettings/autoRechargeLabels';
import { AutoRechargeSettings } from '../src/AutoRechargeSettings/index';
import { AutoRechargeStatus } from '../src/AutoRechargeSettings/status';
import {
  AddCreditsDialog,
  BalanceCards,
  defaultLabels,
  HistoryTable,
  PaymentMethods,
  UsageByWebsite,
} from '../src/index';
import { UsageChart } from '../src/UsageChart/index';
import { listenWithMsw, renderWithCredits, simpleLedger } from './renderWithCredits';
import { applyPopoverPolyfill } from './support/applyPopoverPolyfill';
import { pseudo, pseudoLabels } from './support/pseudoLabels';
import { stubResizeObserver } from './support/stubResizeObserver';

listenWithMsw();
applyPopoverPolyfill();

stubResizeObserver();

const USER_DATA = [
  // A currency's ISO code ("Monthly limit (USD)") is the same in every language.
  'USD',
  ...simpleLedger().flatMap((row) => [row.description, row.website?.name, row.website?.url]),
  ...SANDBOX_PACKAGES.flatMap((pkg) => [pkg.label, pkg.badge]),
].filter((value): value is string => Boolean(value));

/** Month and day-period names Intl writes in en-US dates. */
const INTL_WORDS = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|AM|PM)\b/g;
const ATTRIBUTES = ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext'];

/** Every text and accessible-name attribute in the page that did not come from the labels. */
function foreignText(): string[] {
  const texts: string[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (!node.parentElement?.closest('script, style')) texts.push(node.textContent ?? '');
  for (const element of document.body.querySelectorAll('*'))
    for (const name of ATTRIBUTES) {
      const value = element.getAttribute(name);
      if (value) texts.push(value);
    }
  return texts
    .map((text) => {
      let rest = text.replace(/⟦[^⟧]*⟧/g, '');
      for (const data of USER_DATA) rest = rest.replaceAll(data, '');
      return rest.replace(INTL_WORDS, '').trim();
    })
    .filter((rest) => !/^[\s\p{N}\p{P}\p{S}]*$/u.test(rest));
}

function page() {
  return (
    <>
      <AddCreditsDialog>
        <BalanceCards
          addCreditsAction={<AddCreditsDialog.Trigger />}
          lowBalanceThreshold={50_000}
        />
      </AddCreditsDialog>
      {/* A trigger of its own too: the balance's shows only once the balance is low. */}
      <AddCreditsDialog>
        <AddCreditsDialog.Trigger />
      </AddCreditsDialog>
      <UsageByWebsite />
      <UsageChart />
      <HistoryTable />
      <PaymentMethods />
    </>
  );
}

function render(scenario?: CreditsScenarioName, paymentMethods?: string[]) {
  return renderWithCredits(page(), {
    scenario,
    backend: paymentMethods && { transactions: simpleLedger(), paymentMethods },
    provider: { labels: pseudoLabels },
  });
}

const slots = [
  'balance-cards',
  'usage-by-website',
  'usage-chart',
  'history-table',
  'payment-methods',
];
const statusOf = (slot: string) =>
  document.querySelector(`[data-credits-root][data-slot="${slot}"]`)?.getAttribute('data-status');

async function allWidgets(status: string) {
  await waitFor(() => {
    for (const slot of slots) expect(statusOf(slot), slot).toBe(status);
  });
}

/** The dialog is gone and the page takes pointer input again. */
const closed = () =>
  waitFor(() => {
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(document.body.style.pointerEvents).toBe('');
  });

const addCredits = () =>
  screen.getAllByRole('button', { name: pseudo(defaultLabels.addCredits) })[0] as HTMLElement;

async function openPurchase() {
  await userEvent.click(addCredits());
  const dialog = within(await screen.findByRole('dialog'));
  await waitFor(() => expect(dialog.getAllByRole('radio').length).toBeGreaterThan(3));
  return dialog;
}

// Whole flows on a busy 2-core machine: each test waits for states, and gets room to reach them.
describe('pseudo-locale: nothing on screen that did not come from the labels', {
  timeout: 30_000,
}, () => {
  it('the check itself catches an English word, and passes pseudo text, numbers and data', () => {
    document.body.innerHTML = `<p>⟦Çûŕŕéñţ⟧ 47,500 · Nov 20, 2026 · Bakery</p><p title="Close">x</p>`;
    expect(foreignText()).toEqual(['x', 'Close']);
    document.body.innerHTML = '';
  });

  it('loading: every widget, and the purchase dialog', async () => {
    render('hang');
    await allWidgets('loading');
    expect(foreignText()).toEqual([]);
    await userEvent.click(addCredits());
    await screen.findByRole('dialog');
    expect(foreignText()).toEqual([]);
  });

  it('empty: a new account', async () => {
    render('empty');
    await allWidgets('success');
    expect(foreignText()).toEqual([]);
  });

  it('error: the server fails', async () => {
    render('serverError');
    await allWidgets('error');
    expect(foreignText()).toEqual([]);
  });

  it('lists, low balance, filters with a date and no matches', async () => {
    render();
    await allWidgets('success');
    await screen.findAllByRole('row');
    expect(foreignText()).toEqual([]);
    const history = within(
      document.querySelector('[data-credits-root][data-slot="history-table"]') as HTMLElement,
    );
    await userEvent.type(history.getByLabelText(pseudo(defaultLabels.filterFrom)), '2026-11-15');
    await userEvent.type(history.getByRole('searchbox'), 'nothing like this');
    await screen.findByText(pseudo(defaultLabels.noMatches));
    expect(foreignText()).toEqual([]);
  });

  it('purchase: packages, new card, invalid number, 3D Secure, its failure, and success', async () => {
    render();
    await allWidgets('success');
    const dialog = await openPurchase();
    expect(foreignText()).toEqual([]);
    await userEvent.click(dialog.getByRole('radio', { name: pseudo(defaultLabels.useNewCard) }));
    const number = await dialog.findByLabelText(pseudo(defaultLabels.cardNumber));
    expect(foreignText()).toEqual([]);
    const pay = () => dialog.getByRole('button', { name: /^⟦Páý / });
    await userEvent.type(number, '4111 1111 1111 1111');
    await userEvent.click(pay());
    await waitFor(() => expect(number).toHaveAttribute('aria-invalid', 'true'));
    expect(foreignText()).toEqual([]);
    await userEvent.clear(number);
    await userEvent.type(number, '4000 0027 6000 3184');
    await userEvent.click(pay());
    const fail = await dialog.findByRole('button', {
      name: pseudo(defaultLabels.failAuthentication),
    });
    expect(foreignText()).toEqual([]);
    await userEvent.click(fail);
    await dialog.findByRole('alert');
    expect(foreignText()).toEqual([]);
    await userEvent.click(dialog.getByRole('radio', { name: pseudo(defaultLabels.useNewCard) }));
    const again = await dialog.findByLabelText(pseudo(defaultLabels.cardNumber));
    await userEvent.clear(again);
    await userEvent.type(again, '4242 4242 4242 4242');
    await userEvent.click(pay());
    await dialog.findByRole('button', { name: pseudo(defaultLabels.done) });
    expect(foreignText()).toEqual([]);
  });

  it('purchase: a declined saved card', async () => {
    // The only saved card, so the default one, is declined by the bank.
    render(undefined, ['pm_card_visa_chargeDeclined']);
    await allWidgets('success');
    const dialog = await openPurchase();
    const pay = dialog.getByRole('button', { name: /^⟦Páý / });
    await waitFor(() => expect(pay).toBeEnabled());
    await userEvent.click(await dialog.findByRole('radio', { name: /0002/ }, { timeout: 15_000 }));
    await userEvent.click(pay);
    await dialog.findByRole('alert');
    expect(foreignText()).toEqual([]);
  });

  it('saved cards: deleting the default one, deleting another, adding one', async () => {
    render();
    await allWidgets('success');
    const methods = within(
      document.querySelector('[data-credits-root][data-slot="payment-methods"]') as HTMLElement,
    );
    // Each card's "⋯" button opens its actions (Set as default, Delete).
    const actions = methods.getAllByRole('button', { expanded: false });
    const remove = async (index: number) => {
      await userEvent.click(actions[index] as HTMLElement);
      expect(foreignText()).toEqual([]);
      await userEvent.click(screen.getByRole('button', { name: pseudo(defaultLabels.deleteCard) }));
    };
    await remove(0);
    await screen.findByRole('alertdialog');
    expect(foreignText()).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: pseudo(defaultLabels.cancel) }));
    await closed();
    await remove(1);
    await screen.findByRole('alertdialog');
    expect(foreignText()).toEqual([]);
    await userEvent.click(screen.getByRole('button', { name: pseudo(defaultLabels.cancel) }));
    await closed();
    await userEvent.click(
      methods.getByRole('button', { name: pseudo(defaultLabels.addPaymentMethod) }),
    );
    const add = within(await screen.findByRole('dialog'));
    await add.findByLabelText(pseudo(defaultLabels.cardNumber));
    expect(foreignText()).toEqual([]);
  });
  it('auto-recharge: the settings off, its errors, and a save refused for want of a card', async () => {
    renderWithCredits(<AutoRechargeSettings />, {
      backend: { transactions: simpleLedger(), autoRecharge: {}, paymentMethods: [] },
      provider: { labels: pseudoLabels },
    });
    const theSwitch = await screen.findByRole('switch', {
      name: pseudo(autoRechargeLabels.enable),
    });
    expect(foreignText()).toEqual([]);
    const threshold = screen.getByLabelText(pseudo(autoRechargeLabels.threshold));
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '0');
    await userEvent.click(theSwitch);
    await userEvent.click(screen.getByRole('button', { name: pseudo(autoRechargeLabels.save) }));
    await screen.findByText(pseudo(autoRechargeLabels.issues.not_positive_integer));
    await screen.findByText(pseudo(autoRechargeLabels.issues.payment_method_required));
    expect(foreignText()).toEqual([]);
  });

  it.each(['autoRechargeOn', 'autoRechargeDeclined', 'autoRechargeCapReached'] as const)(
    'auto-recharge: the settings and the status line in %s',
    async (name) => {
      const backend = createCreditsBackend({
        transactions: simpleLedger(),
        ...creditsScenarios[name].backend,
      });
      await backend.autoRecharge.settled();
      renderWithCredits(
        <>
          <BalanceCards status={<AutoRechargeStatus />} />
          <AutoRechargeSettings />
        </>,
        { backend, provider: { labels: pseudoLabels } },
      );
      await waitFor(() =>
        expect(document.querySelectorAll('[data-slot="auto-recharge-status"]')).toHaveLength(2),
      );
      await screen.findByRole('switch', { name: pseudo(autoRechargeLabels.enable) });
      expect(foreignText()).toEqual([]);
    },
  );

  it('auto-recharge: needs your action, "Complete payment" and its challenge', async () => {
    const backend = createCreditsBackend({
      transactions: simpleLedger(),
      ...creditsScenarios.autoRechargeNeedsAction.backend,
    });
    await backend.autoRecharge.settled();
    renderWithCredits(<BalanceCards status={<AutoRechargeStatus />} />, {
      backend,
      provider: { labels: pseudoLabels },
    });
    const complete = await screen.findByRole('button', {
      name: pseudo(autoRechargeLabels.completePayment),
    });
    expect(foreignText()).toEqual([]);
    await userEvent.click(complete);
    const dialog = within(await screen.findByRole('dialog'));
    await dialog.findByRole('button', { name: pseudo(defaultLabels.completeAuthentication) });
    expect(foreignText()).toEqual([]);
    await userEvent.click(
      dialog.getByRole('button', { name: pseudo(defaultLabels.completeAuthentication) }),
    );
    await dialog.findByRole('button', { name: pseudo(defaultLabels.done) });
    expect(foreignText()).toEqual([]);
  });
});
