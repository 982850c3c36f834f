/**
 * AutoRechargeSettings against credits-msw's fake: turning it on (keyboard only), validation per
 * field with focus on the first, the backend's refusals in words, and the save's pending and
 * failed states.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { AutoRechargeSettings } from '../src/AutoRechargeSettings/index';
import { BASE_URL, listenWithMsw, renderWithCredits, server } from './renderWithCredits';
import { stubResizeObserver } from './support/stubResizeObserver';

listenWithMsw();

stubResizeObserver();

const status = () =>
  document.querySelector('[data-slot="auto-recharge-status"]')?.getAttribute('data-state');

/** The widget, loaded, with auto-recharge off (the fake's defaults: 5,000 credits, pkg 1, 5× cap). */
async function renderOff(backend: object = {}) {
  const result = renderWithCredits(<AutoRechargeSettings />, {
    backend: { autoRecharge: {}, ...backend },
  });
  await waitFor(() => expect(status()).toBe('off'));
  return result;
}

const theSwitch = () => screen.getByRole('switch', { name: 'Top up automatically' });
const save = () => screen.getByRole('button', { name: /^Sav/ });

// Whole flows on a busy 2-core machine: each test waits for states, and gets room to reach them.
describe('<AutoRechargeSettings>', { timeout: 30_000 }, () => {
  it('turns on with the keyboard only: Tab to the switch, Space, Tab to Save, Enter', async () => {
    const { backend } = await renderOff();
    const user = userEvent.setup();
    expect(theSwitch()).not.toBeChecked();
    // The status line comes first in the tab order only if it is focusable: it is not.
    await user.tab();
    expect(theSwitch()).toHaveFocus();
    await user.keyboard(' ');
    expect(theSwitch()).toBeChecked();
    await user.keyboard(' ');
    expect(theSwitch()).not.toBeChecked();
    await user.keyboard('{Enter}');
    expect(theSwitch()).toBeChecked();
    while (document.activeElement !== save()) await user.tab();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(status()).toBe('active'));
    expect(await screen.findByText('Saved')).toBeVisible();
    const saved = (await backend.autoRecharge.get()).body as { settings: { enabled: boolean } };
    expect(saved.settings.enabled).toBe(true);
    expect(document.querySelector('[data-slot="auto-recharge-status"]')).toHaveTextContent(
      /^Auto-recharge on · \$0\.00 of \$\d+\.\d\d this month$/,
    );
  });

  it('shows each field’s error next to it and focuses the first, saving nothing', async () => {
    const { backend } = await renderOff();
    const threshold = screen.getByRole('textbox', { name: 'When credits fall below' });
    const cap = screen.getByRole('textbox', { name: /^Monthly limit \(USD\)/ });
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '1.5');
    await userEvent.clear(cap);
    await userEvent.type(cap, '0');
    await userEvent.click(save());
    const thresholdError = await screen.findByText('Enter a whole number of credits, 1 or more.');
    const capError = screen.getByText('Enter a limit above zero.');
    expect(threshold).toHaveFocus();
    expect(threshold).toHaveAttribute('aria-invalid', 'true');
    expect(cap).toHaveAttribute('aria-invalid', 'true');
    // Each error is read with its field.
    expect(threshold.getAttribute('aria-describedby')).toContain(thresholdError.id);
    expect(cap.getAttribute('aria-describedby')).toContain(capError.id);
    const kept = (await backend.autoRecharge.get()).body as {
      settings: { thresholdCredits: number };
    };
    expect(kept.settings.thresholdCredits).toBe(5_000);

    // A cap below one package: its own words; the threshold fixed, the cap is focused now.
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '1000');
    await userEvent.clear(cap);
    await userEvent.type(cap, '1');
    expect(screen.getByText('Up to 0 recharges a month')).toBeVisible();
    await userEvent.click(save());
    expect(await screen.findByText('The limit must cover at least one package.')).toBeVisible();
    expect(screen.queryByText('Enter a whole number of credits, 1 or more.')).toBeNull();
    expect(cap).toHaveFocus();
  });

  it('says in words that a card is needed: at the card field without one, and when the backend refuses', async () => {
    await renderOff({ paymentMethods: [] });
    await userEvent.click(theSwitch());
    await userEvent.click(save());
    const card = screen.getByRole('combobox', { name: 'Charge' });
    expect(
      await screen.findByText('Add a card first: auto-recharge needs a saved, valid card.'),
    ).toBeVisible();
    expect(card).toHaveAttribute('aria-invalid', 'true');
    expect(card).toHaveFocus();
    expect(status()).toBe('off');
  });

  it('shows the backend’s payment_method_required in words (its card was removed meanwhile)', async () => {
    await renderOff();
    server.use(
      http.put(`${BASE_URL}/auto-recharge`, () =>
        HttpResponse.json(
          {
            type: 'about:blank',
            title: 'A saved card is required',
            status: 409,
            code: 'payment_method_required',
            detail: 'internal words the user should not see',
          },
          { status: 409, headers: { 'content-type': 'application/problem+json' } },
        ),
      ),
    );
    await userEvent.click(theSwitch());
    await userEvent.click(save());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Add a card first: auto-recharge needs a saved, valid card.',
    );
    expect(status()).toBe('off');
  });

  it('shows the save pending (no second save), then its failure with the reason', async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let puts = 0;
    await renderOff();
    server.use(
      http.put(`${BASE_URL}/auto-recharge`, async () => {
        puts += 1;
        await held;
        return HttpResponse.json(
          {
            type: 'about:blank',
            title: 'Service unavailable',
            status: 503,
            code: 'service_unavailable',
          },
          { status: 503, headers: { 'content-type': 'application/problem+json' } },
        );
      }),
    );
    await userEvent.click(theSwitch());
    await userEvent.click(save());
    const pending = await screen.findByRole('button', { name: 'Saving…' });
    expect(pending).toBeDisabled();
    await userEvent.click(pending);
    release();
    const alert = await screen.findByRole('alert');
    expect(alert).not.toHaveTextContent(/^$/);
    expect(screen.getByRole('button', { name: 'Save' })).toBeEnabled();
    expect(puts).toBe(1);
    // What the user chose is still there to save again.
    expect(theSwitch()).toBeChecked();
  });
});
