import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createCreditsBackend } from 'credits-msw';
import { HttpResponse, http } from 'msw';
import { StrictMode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { AddCreditsDialog, BalanceCards } from '../src/index';
import {
  BASE_URL,
  listenWithMsw,
  renderWithCredits,
  requests,
  simpleLedger,
} from './renderWithCredits';

listenWithMsw();

function ui(onPurchaseComplete = vi.fn()) {
  return (
    <>
      <BalanceCards />
      <AddCreditsDialog onPurchaseComplete={onPurchaseComplete}>
        <AddCreditsDialog.Trigger />
      </AddCreditsDialog>
    </>
  );
}

async function openDialog() {
  await userEvent.click(screen.getByRole('button', { name: 'Add credits' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add credits' });
  await within(dialog).findByRole('radio', { name: /10,000 credits/ });
  return within(dialog);
}

const available = () =>
  within(document.querySelector('[data-variant="available"]') as HTMLElement).getByText(
    /credits$/,
    { selector: 'dd' },
  );

/** POST /purchases waits for `release()`: the payment stays in flight until then. */
function holdPurchases() {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const hold = http.post(`${BASE_URL}/purchases`, async () => {
    await held;
    return undefined;
  });
  return { hold, release: () => release() };
}

/** The order summary's lines, as [what, amount]. */
const summaryRows = (footer: HTMLElement) =>
  within(footer)
    .getAllByRole('term')
    .map((term) => [term.textContent, term.nextElementSibling?.textContent]);

/** A host that opens the dialog from its own button and state. */
function HostOpensTheDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Top up
      </button>
      <AddCreditsDialog open={open} onOpenChange={setOpen} />
    </>
  );
}

describe('<AddCreditsDialog>', () => {
  it('fetches nothing until the user shows intent; hovering the trigger prefetches packages', async () => {
    // live={false}: with live updates on, the provider reads /config once on mount (requests.test.tsx).
    renderWithCredits(ui(), { provider: { live: false } });
    await screen.findByText('47,500 credits');
    expect(requests.get('GET /packages')).toBeUndefined();
    expect(requests.get('GET /config')).toBeUndefined();
    await userEvent.hover(screen.getByRole('button', { name: 'Add credits' }));
    await waitFor(() => expect(requests.get('GET /packages')).toBe(1));
  });

  it('offers packages with prices, the default card pre-selected, and a Pay button that states the price', async () => {
    renderWithCredits(ui());
    const dialog = await openDialog();
    const packages = dialog.getAllByRole('radio', { name: /credits/ });
    expect(packages).toHaveLength(4);
    expect(packages[0]).toBeChecked();
    const studio = dialog.getByRole('radio', { name: /250,000 credits/ }).closest('label');
    expect(studio).toHaveTextContent('Studio');
    expect(studio).toHaveTextContent('Best value');
    expect(studio).toHaveTextContent('$180.00');
    expect(dialog.getByText('$0.72 per 1,000 credits')).toBeInTheDocument();
    expect(dialog.getByRole('radio', { name: /Visa •••• 4242/ })).toBeChecked();
    expect(dialog.getByRole('button', { name: 'Pay $10.00' })).toBeEnabled();
    await userEvent.click(dialog.getByRole('radio', { name: /100,000 credits/ }));
    expect(dialog.getByRole('button', { name: 'Pay $80.00' })).toBeInTheDocument();
  });

  it('sums up the order above Pay: the chosen package and the total, following the selection', async () => {
    renderWithCredits(ui());
    const dialog = await openDialog();
    const footer = dialog.getByRole('button', { name: 'Pay $10.00' }).parentElement as HTMLElement;
    expect(footer).toHaveAttribute('data-slot', 'dialog-footer');
    expect(summaryRows(footer)).toEqual([
      ['10,000 credits · Starter', '$10.00'],
      ['Total', '$10.00'],
    ]);
    await userEvent.click(dialog.getByRole('radio', { name: /250,000 credits/ }));
    expect(summaryRows(footer)).toEqual([
      ['250,000 credits · Studio', '$180.00'],
      ['Total', '$180.00'],
    ]);
    expect(dialog.getByRole('button', { name: 'Pay $180.00' })).toBeInTheDocument();
  });

  it('shows Pay busy while paying, and the success with what was added', async () => {
    const { hold, release } = holdPurchases();
    renderWithCredits(ui(), { handlers: [hold] });
    const dialog = await openDialog();
    const pay = dialog.getByRole('button', { name: 'Pay $10.00' });
    expect(pay).not.toHaveAttribute('aria-busy');
    await userEvent.click(pay);
    await waitFor(() => expect(pay).toHaveAttribute('aria-busy', 'true'));
    expect(pay).toBeDisabled();
    expect(dialog.getByRole('status')).toHaveTextContent('Processing payment…');
    release();
    expect(await dialog.findByText('+10,000 credits added')).toHaveAttribute('role', 'status');
    expect(dialog.getByText('New balance: 57,500 credits')).toBeInTheDocument();
    await waitFor(() => expect(dialog.getByRole('button', { name: 'Done' })).toHaveFocus());
  });

  it('says who processes the payment: Stripe only when Stripe takes it, "Test mode" in test mode', async () => {
    const processor = () => document.querySelector('[data-slot="payment-processor"]');
    // The sandbox (test mode, no Stripe key): never a claim about Stripe.
    const sandbox = renderWithCredits(ui());
    let dialog = await openDialog();
    await waitFor(() => expect(processor()).toHaveTextContent('Test mode'));
    expect(dialog.queryByText(/Stripe/)).not.toBeInTheDocument();
    // One "Test mode" in the dialog, also when the sandbox's card field shows.
    await userEvent.click(dialog.getByRole('radio', { name: 'Use a new card' }));
    await dialog.findByLabelText('Card number');
    expect(dialog.getAllByText('Test mode')).toHaveLength(1);
    sandbox.unmount();

    // Stripe in live mode: Stripe, and no test-mode cue.
    const live = renderWithCredits(ui(), {
      backend: { mode: 'live', stripePublishableKey: 'pk_live_example' },
    });
    dialog = await openDialog();
    await waitFor(() => expect(processor()).toHaveTextContent('Payments are processed by Stripe'));
    expect(dialog.queryByText('Test mode')).not.toBeInTheDocument();
    live.unmount();

    // Stripe with test keys: both are true.
    renderWithCredits(ui(), { backend: { stripePublishableKey: 'pk_test_example' } });
    dialog = await openDialog();
    await waitFor(() => expect(processor()).toHaveTextContent('Payments are processed by Stripe'));
    expect(processor()).toHaveTextContent('Test mode');
  });

  it('pays with the saved card: credits show at once in every widget, without refetching the balance', async () => {
    const onPurchaseComplete = vi.fn();
    renderWithCredits(ui(onPurchaseComplete));
    await screen.findByText('47,500 credits');
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    expect(await dialog.findByText('+10,000 credits added')).toBeInTheDocument();
    expect(dialog.getByText('New balance: 57,500 credits')).toBeInTheDocument();
    expect(available()).toHaveTextContent('57,500 credits');
    expect(requests.get('GET /balance')).toBe(1);
    expect(onPurchaseComplete).toHaveBeenCalledTimes(1);
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Add credits' })).toHaveFocus();
  });

  it('never pre-selects an expired default card: the next usable card is chosen', async () => {
    const expired = {
      id: 'pm_old',
      type: 'card',
      isDefault: true,
      card: { brand: 'visa', last4: '1111', expMonth: 1, expYear: 2020 },
    };
    const valid = {
      id: 'pm_ok',
      type: 'card',
      isDefault: false,
      card: { brand: 'mastercard', last4: '4444', expMonth: 12, expYear: 2040 },
    };
    renderWithCredits(ui(), {
      handlers: [
        http.get(`${BASE_URL}/payment-methods`, () =>
          HttpResponse.json({ data: [expired, valid] }),
        ),
      ],
    });
    const dialog = await openDialog();
    const old = await dialog.findByRole('radio', { name: /Visa •••• 1111/ });
    expect(old).toBeDisabled();
    expect(old).not.toBeChecked();
    expect(dialog.getByRole('radio', { name: /Mastercard •••• 4444/ })).toBeChecked();
  });

  it('chooses no card and keeps Pay disabled until the saved cards are known', async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    renderWithCredits(ui(), {
      handlers: [
        http.get(`${BASE_URL}/payment-methods`, async () => {
          await held;
          return HttpResponse.json({
            data: [
              {
                id: 'pm_saved',
                type: 'card',
                isDefault: true,
                card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2040 },
              },
            ],
          });
        }),
      ],
    });
    const dialog = await openDialog();
    // The provider is ready, the cards are not: a press now would go to a form about to flip.
    await waitFor(() => expect(requests.get('GET /config')).toBeGreaterThan(0));
    expect(dialog.getByRole('radio', { name: 'Use a new card' })).not.toBeChecked();
    expect(dialog.getByRole('button', { name: /^Pay / })).toBeDisabled();
    release();
    expect(await dialog.findByRole('radio', { name: /Visa •••• 4242/ })).toBeChecked();
    await waitFor(() => expect(dialog.getByRole('button', { name: /^Pay / })).toBeEnabled());
  });

  it('a double click on Pay creates one purchase and one ledger row', async () => {
    const { hold, release } = holdPurchases();
    const { backend } = renderWithCredits(ui(), { handlers: [hold] });
    const dialog = await openDialog();
    const pay = dialog.getByRole('button', { name: 'Pay $10.00' });
    await userEvent.dblClick(pay);
    await userEvent.keyboard('{Enter}{Enter}');
    release();
    expect(await dialog.findByText('+10,000 credits added')).toBeInTheDocument();
    expect(requests.get('POST /purchases')).toBe(1);
    expect(backend.inspect.purchases()).toHaveLength(1);
    expect(backend.inspect.transactionCount()).toBe(3);
  });

  it('cannot be dismissed while paying', async () => {
    const { hold, release } = holdPurchases();
    renderWithCredits(ui(), { handlers: [hold] });
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    expect(await dialog.findByText('Processing payment…')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    expect(dialog.getByRole('button', { name: 'Close' })).toBeDisabled();
    release();
    expect(await dialog.findByText('+10,000 credits added')).toBeInTheDocument();
  });

  it('pays with a new test card and refuses any other number without a request', async () => {
    renderWithCredits(ui());
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('radio', { name: 'Use a new card' }));
    expect(dialog.getByText('Test mode')).toBeInTheDocument();
    const number = await dialog.findByLabelText('Card number');
    await userEvent.type(number, '4111 1111 1111 1111');
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveAccessibleDescription(/Test mode accepts Stripe’s test card numbers only/);
    expect(requests.get('POST /purchases')).toBeUndefined();
    await userEvent.clear(number);
    await userEvent.type(number, '4242 4242 4242 4242');
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    expect(await dialog.findByText('+10,000 credits added')).toBeInTheDocument();
  });

  it('runs 3D Secure in the flow: complete succeeds, fail explains and lets the user try another card', async () => {
    renderWithCredits(ui());
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('radio', { name: 'Use a new card' }));
    await userEvent.type(await dialog.findByLabelText('Card number'), '4000 0027 6000 3184');
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    // The challenge replaces the form: focus moves to its main action, not to the page.
    await waitFor(() =>
      expect(dialog.getByRole('button', { name: 'Complete authentication' })).toHaveFocus(),
    );
    await userEvent.click(await dialog.findByRole('button', { name: 'Fail authentication' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'We could not authenticate your payment method',
    );
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    await userEvent.click(await dialog.findByRole('button', { name: 'Complete authentication' }));
    expect(await dialog.findByText('+10,000 credits added')).toBeInTheDocument();
  });

  it('shows why a card was declined and charges nothing', async () => {
    renderWithCredits(ui());
    await screen.findByText('47,500 credits');
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('radio', { name: 'Use a new card' }));
    await userEvent.type(await dialog.findByLabelText('Card number'), '4000000000009995');
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('Your card has insufficient funds.');
    expect(available()).toHaveTextContent('47,500 credits');
  });

  it('shows a decline in the host’s words (labels.declines) when it gives them, by code', async () => {
    renderWithCredits(ui(), {
      provider: {
        labels: { declines: { insufficient_funds: 'Nicht genügend Guthaben auf der Karte.' } },
      },
    });
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('radio', { name: 'Use a new card' }));
    await userEvent.type(await dialog.findByLabelText('Card number'), '4000000000009995');
    await userEvent.click(dialog.getByRole('button', { name: /^Pay/ }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'Nicht genügend Guthaben auf der Karte.',
    );
  });

  it('tells a user who may not buy why, instead of a broken button', async () => {
    renderWithCredits(ui(), { scenario: 'forbidden' });
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('Your account can’t buy credits.');
    expect(dialog.getByRole('button', { name: 'Pay $10.00' })).toBeDisabled();
  });

  it.each([
    ['packages', '/packages'],
    ['config', '/config'],
  ])('when the %s cannot load, says so with Retry, and Retry recovers', async (_, path) => {
    let down = true;
    const fail = http.get(`${BASE_URL}${path}`, () =>
      down
        ? HttpResponse.json(
            { title: 'Down', status: 503, code: 'service_unavailable' },
            { status: 503 },
          )
        : undefined,
    );
    renderWithCredits(ui(), { handlers: [fail] });
    await userEvent.click(screen.getByRole('button', { name: 'Add credits' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add credits' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('temporarily unavailable');
    expect(dialog.getByRole('button', { name: /^Pay/ })).toBeDisabled();
    down = false;
    await userEvent.click(dialog.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(dialog.getByRole('button', { name: 'Pay $10.00' })).toBeEnabled());
    expect(dialog.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('offers to try again, with the same attempt, after a network failure', async () => {
    const drop = http.post(`${BASE_URL}/purchases`, () => HttpResponse.error());
    const { backend } = renderWithCredits(ui(), { handlers: [drop] });
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('We can’t reach the server');
    expect(backend.inspect.purchases()).toHaveLength(0);
    expect(dialog.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  describe('a payment whose answer was lost is repeated, never paid again with a new attempt', () => {
    /** Pays for `pkg` with a new card; the backend takes the purchase and its answer is lost. */
    async function loseTheFirstAnswer(pkg = /^10,000 credits/) {
      let dropped = 0;
      const keys: (string | null)[] = [];
      const backend = createCreditsBackend({ transactions: simpleLedger() });
      // The backend takes the purchase; its answer is lost the first time.
      const lose = http.post(`${BASE_URL}/purchases`, async ({ request }) => {
        keys.push(request.headers.get('idempotency-key'));
        if (dropped++ > 0) return undefined;
        await backend.createPurchase(await request.clone().json(), keys[0] ?? null);
        return HttpResponse.error();
      });
      renderWithCredits(ui(), { handlers: [lose], backend });
      const dialog = await openDialog();
      await userEvent.click(dialog.getByRole('radio', { name: pkg }));
      await userEvent.click(dialog.getByRole('radio', { name: 'Use a new card' }));
      await userEvent.type(await dialog.findByLabelText('Card number'), '4242 4242 4242 4242');
      await userEvent.click(dialog.getByRole('button', { name: /^Pay / }));
      expect(await dialog.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
      return { backend, keys, dialog };
    }

    it('Enter in the card field (it submits the form) repeats the same attempt', async () => {
      const { backend, keys, dialog } = await loseTheFirstAnswer();
      // The package of an attempt that may have been paid cannot change; the summary keeps it.
      expect(dialog.getByRole('radio', { name: /^50,000 credits/ })).toBeDisabled();
      await userEvent.click(dialog.getByRole('radio', { name: /^50,000 credits/ }));
      expect(summaryRows(screen.getByRole('dialog'))[1]).toEqual(['Total', '$10.00']);
      await userEvent.type(dialog.getByLabelText('Card number'), '{Enter}');
      expect(await dialog.findByText('+10,000 credits added')).toBeInTheDocument();
      expect(backend.inspect.purchases()).toHaveLength(1);
      expect(new Set(keys).size).toBe(1);
    });

    it('closing and reopening the dialog offers only "Try again" for it', async () => {
      const { backend, keys } = await loseTheFirstAnswer(/^250,000 credits/);
      await userEvent.keyboard('{Escape}');
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      const dialog = await openDialog();
      expect(dialog.queryByRole('button', { name: /^Pay/ })).not.toBeInTheDocument();
      // Reopened, the summary names the attempt "Try again" repeats, not the first package.
      expect(summaryRows(screen.getByRole('dialog'))).toEqual([
        ['250,000 credits · Studio', '$180.00'],
        ['Total', '$180.00'],
      ]);
      await userEvent.click(dialog.getByRole('button', { name: 'Try again' }));
      expect(await dialog.findByText('+250,000 credits added')).toBeInTheDocument();
      expect(backend.inspect.purchases()).toHaveLength(1);
      expect(new Set(keys).size).toBe(1);
    });
  });

  it('resumes a payment after a page reload: the dialog reopens on it, and nothing is charged twice', async () => {
    const backend = createCreditsBackend({ transactions: simpleLedger(), webhookDelayMs: 400 });
    const firstPage = renderWithCredits(ui(), { backend });
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    await dialog.findByText(/Your payment is being confirmed/);
    firstPage.unmount(); // the reload, while the payment is processing

    renderWithCredits(ui(), { backend });
    const reopened = within(await screen.findByRole('dialog', { name: 'Add credits' }));
    expect(reopened.queryByRole('button', { name: /^Pay/ })).toBeNull();
    await reopened.findByText('+10,000 credits added', {}, { timeout: 3_000 });
    await waitFor(() => expect(available()).toHaveTextContent('57,500 credits'));
    expect(backend.inspect.purchases()).toHaveLength(1);
    expect(requests.get('POST /purchases')).toBe(1);
  });

  it('a reload during 3D Secure under StrictMode reopens the challenge: one purchase, credited once', async () => {
    // StrictMode mounts the dialog, unmounts it and mounts it again before the payment resumes:
    // that must not forget the payment the reload kept.
    const backend = createCreditsBackend({ transactions: simpleLedger() });
    const firstPage = renderWithCredits(<StrictMode>{ui()}</StrictMode>, { backend });
    const dialog = await openDialog();
    await userEvent.click(dialog.getByRole('radio', { name: 'Use a new card' }));
    await userEvent.type(await dialog.findByLabelText('Card number'), '4000 0027 6000 3184');
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    await dialog.findByRole('button', { name: 'Complete authentication' });
    firstPage.unmount(); // the reload, during the challenge

    renderWithCredits(<StrictMode>{ui()}</StrictMode>, { backend });
    const reopened = within(await screen.findByRole('dialog', { name: 'Add credits' }));
    await userEvent.click(
      await reopened.findByRole('button', { name: 'Complete authentication' }, { timeout: 3_000 }),
    );
    expect(await reopened.findByText('+10,000 credits added')).toBeInTheDocument();
    await waitFor(() => expect(available()).toHaveTextContent('57,500 credits'));
    expect(backend.inspect.purchases()).toHaveLength(1);
    expect(requests.get('POST /purchases')).toBe(1);
  });

  it('keyboard: Enter opens it with focus inside, Escape closes it and focus returns to the trigger', async () => {
    renderWithCredits(ui());
    const trigger = await screen.findByRole('button', { name: 'Add credits' });
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await screen.findByRole('dialog', { name: 'Add credits' });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('opened from the host’s own button (controlled), focus returns to that button', async () => {
    renderWithCredits(<HostOpensTheDialog />);
    const topUp = screen.getByRole('button', { name: 'Top up' });
    await userEvent.click(topUp);
    await screen.findByRole('dialog', { name: 'Add credits' });
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(topUp).toHaveFocus());
  });
});
