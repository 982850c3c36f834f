/**
 * BalanceCards' auto-recharge status line (`<AutoRechargeStatus />` in its `status` slot) against
 * credits-msw's fake: what it says per state, and the one-click recovery of a recharge that waits
 * for 3D Secure through the purchase dialog's own challenge.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createCreditsBackend, creditsScenarios } from 'credits-msw';
import { describe, expect, it } from 'vitest';
import { AutoRechargeStatus } from '../src/AutoRechargeSettings/status';
import { BalanceCards } from '../src/index';
import { listenWithMsw, renderWithCredits, requests, simpleLedger } from './renderWithCredits';

listenWithMsw();

const page = <BalanceCards status={<AutoRechargeStatus />} />;

/** The fake with a scenario's auto-recharge, its recharges replayed before the page loads. */
async function backendOf(name: keyof typeof creditsScenarios) {
  const scenario = creditsScenarios[name] as { backend?: object };
  const backend = createCreditsBackend({ transactions: simpleLedger(), ...scenario.backend });
  await backend.autoRecharge.settled();
  return backend;
}

const line = () =>
  waitFor(() => {
    const found = document.querySelector('[data-slot="auto-recharge-status"]');
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });

const balanceValue = () =>
  document.querySelector('[data-variant="available"] [data-slot="balance-value"]')?.textContent;

// Whole flows on a busy 2-core machine: each test waits for states, and gets room to reach them.
describe('<AutoRechargeStatus> in BalanceCards', { timeout: 30_000 }, () => {
  it('says how much of the cap is spent this month while it is on', async () => {
    renderWithCredits(page, { backend: await backendOf('autoRechargeOn') });
    const status = await line();
    expect(status).toHaveAttribute('data-state', 'active');
    expect(status).toHaveTextContent('Auto-recharge on · $10.00 of $50.00 this month');
    expect(screen.queryByRole('button', { name: 'Complete payment' })).toBeNull();
  });

  it('says the cap is reached, in words', async () => {
    renderWithCredits(page, { backend: await backendOf('autoRechargeCapReached') });
    expect(await line()).toHaveTextContent('Auto-recharge paused: monthly limit of $20.00 reached');
  });

  it('shows nothing while the user has it off', async () => {
    renderWithCredits(page, { backend: { autoRecharge: {} } });
    await screen.findByText('47,500 credits');
    await waitFor(() => expect(requests.get('GET /auto-recharge')).toBe(1));
    expect(document.querySelector('[data-slot="balance-auto-recharge"]')).toBeNull();
  });

  it('asks nothing where the backend does not offer auto-recharge', async () => {
    renderWithCredits(page);
    await screen.findByText('47,500 credits');
    await waitFor(() => expect(requests.get('GET /config')).toBe(1));
    expect(requests.get('GET /auto-recharge')).toBeUndefined();
  });

  it('needs your action: "Complete payment" opens the 3D Secure challenge, and its success updates the balance and the status', async () => {
    const backend = await backendOf('autoRechargeNeedsAction');
    renderWithCredits(page, { backend });
    const status = await line();
    expect(status).toHaveAttribute('data-state', 'needs_action');
    expect(status).toHaveTextContent('Auto-recharge needs your action');
    const before = balanceValue();
    const purchases = backend.inspect.purchases().length;
    await userEvent.click(await screen.findByRole('button', { name: 'Complete payment' }));
    const dialog = within(await screen.findByRole('dialog'));
    // The challenge of the waiting recharge, not the package form: nothing new to buy.
    const complete = await dialog.findByRole(
      'button',
      { name: 'Complete authentication' },
      { timeout: 10_000 },
    );
    expect(dialog.queryByRole('radio')).toBeNull();
    expect(complete).toHaveFocus();
    await userEvent.click(complete);
    await dialog.findByText('+10,000 credits added');
    // The status moves on (its button is gone) while the dialog still shows the outcome.
    await waitFor(() =>
      expect(document.querySelector('[data-slot="auto-recharge-status"]')).toHaveAttribute(
        'data-state',
        'active',
      ),
    );
    expect(screen.queryByRole('button', { name: 'Complete payment' })).toBeNull();
    expect(balanceValue()).not.toBe(before);
    expect(backend.inspect.purchases()).toHaveLength(purchases);
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // Focus lands on the new status, not on the page's body.
    await waitFor(() =>
      expect(document.querySelector('[data-slot="auto-recharge-status"]')).toHaveFocus(),
    );
  });

  it('a failed challenge says so in the dialog', async () => {
    renderWithCredits(page, { backend: await backendOf('autoRechargeNeedsAction') });
    await userEvent.click(await screen.findByRole('button', { name: 'Complete payment' }));
    const dialog = within(await screen.findByRole('dialog'));
    await userEvent.click(
      await dialog.findByRole('button', { name: 'Fail authentication' }, { timeout: 10_000 }),
    );
    expect(await dialog.findByRole('alert')).toBeVisible();
  });

  it('the host rewords it with labels.autoRecharge', async () => {
    renderWithCredits(page, {
      backend: await backendOf('autoRechargeNeedsAction'),
      provider: {
        labels: {
          autoRecharge: {
            statusNeedsAction: 'Your top-up is waiting',
            completePayment: 'Confirm top-up',
          },
        },
      },
    });
    expect(await line()).toHaveTextContent('Your top-up is waiting');
    expect(await screen.findByRole('button', { name: 'Confirm top-up' })).toBeVisible();
  });
});
