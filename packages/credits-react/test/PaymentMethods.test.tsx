import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { AddCreditsDialog, BalanceCards, PaymentMethods } from '../src/index';
import { BASE_URL, listenWithMsw, renderWithCredits, requests } from './renderWithCredits';
import { applyPopoverPolyfill } from './support/applyPopoverPolyfill';

listenWithMsw();

const item = (name: string) => screen.getByText(name).closest('li') as HTMLElement;

applyPopoverPolyfill();

/** Opens a card's "⋯" actions and chooses one; returns the "⋯" button. */
async function choose(card: string, action: 'Set as default' | 'Delete') {
  const trigger = await screen.findByRole('button', { name: `Actions for ${card}` });
  await userEvent.click(trigger);
  await userEvent.click(screen.getByRole('button', { name: action }));
  return trigger;
}

describe('<PaymentMethods>', () => {
  it('lists saved cards with the default badge and expiry', async () => {
    renderWithCredits(<PaymentMethods />);
    expect(await screen.findByText('Visa •••• 4242')).toBeInTheDocument();
    expect(within(item('Visa •••• 4242')).getByText('Default')).toBeInTheDocument();
    expect(within(item('Visa •••• 4242')).getByText('Expires 12/2034')).toBeInTheDocument();
    expect(within(item('Mastercard •••• 4444')).queryByText('Default')).not.toBeInTheDocument();
  });

  it('marks expired and soon-expiring cards', async () => {
    const now = new Date();
    const list = {
      data: [
        {
          id: 'pm_old',
          type: 'card',
          isDefault: true,
          card: { brand: 'visa', last4: '1111', expMonth: 1, expYear: 2020 },
        },
        {
          id: 'pm_soon',
          type: 'card',
          isDefault: false,
          card: {
            brand: 'amex',
            last4: '0005',
            expMonth: now.getUTCMonth() + 1,
            expYear: now.getUTCFullYear(),
          },
        },
      ],
    };
    renderWithCredits(<PaymentMethods />, {
      handlers: [http.get(`${BASE_URL}/payment-methods`, () => HttpResponse.json(list))],
    });
    expect(
      within(
        await screen.findByText('Visa •••• 1111').then((el) => el.closest('li') as HTMLElement),
      ).getByText('Expired'),
    ).toBeInTheDocument();
    expect(within(item('Amex •••• 0005')).getByText('Expires soon')).toBeInTheDocument();
  });

  it('each card has one "⋯" button; it shows Set as default and Delete, a default card only Delete', async () => {
    renderWithCredits(<PaymentMethods />);
    const trigger = await screen.findByRole('button', { name: 'Actions for Mastercard •••• 4444' });
    expect(within(item('Mastercard •••• 4444')).getAllByRole('button')).toEqual([trigger]);
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    await userEvent.click(trigger);
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    const actions = document.getElementById(trigger.getAttribute('aria-controls') as string);
    expect(
      within(actions as HTMLElement)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Set as default', 'Delete']);
    await userEvent.keyboard('{Escape}');
    const visa = screen.getByRole('button', { name: 'Actions for Visa •••• 4242' });
    await userEvent.click(visa);
    expect(visa).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getAllByRole('button', { name: /^(Set as default|Delete)$/ })).toEqual([
      screen.getByRole('button', { name: 'Delete' }),
    ]);
    expect(within(item('Visa •••• 4242')).getByText('Default')).toBeVisible();
  });

  it('Escape closes the actions and returns focus to the "⋯" button', async () => {
    renderWithCredits(<PaymentMethods />);
    const trigger = await screen.findByRole('button', { name: 'Actions for Mastercard •••• 4444' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    // (Tab from the "⋯" button into its actions is checked in Chromium: the KeyboardOnly story.)
    screen.getByRole('button', { name: 'Set as default' }).focus();
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Set as default' })).toBeNull();
    expect(trigger).toHaveFocus();
    await waitFor(() => expect(trigger).toHaveAttribute('aria-expanded', 'false'));
  });

  it('sets the default', async () => {
    renderWithCredits(<PaymentMethods />);
    const trigger = await choose('Mastercard •••• 4444', 'Set as default');
    await waitFor(() =>
      expect(within(item('Mastercard •••• 4444')).getByText('Default')).toBeInTheDocument(),
    );
    expect(within(item('Visa •••• 4242')).queryByText('Default')).not.toBeInTheDocument();
    // The actions closed and focus is back on the card's "⋯" button.
    expect(trigger).toHaveFocus();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Set as default' })).toBeNull();
  });

  it('rolls an optimistic change back, with a message, when the backend refuses', async () => {
    const refuse = http.post(`${BASE_URL}/payment-methods/:id/default`, () =>
      HttpResponse.json(
        { title: 'Down', status: 503, code: 'service_unavailable' },
        { status: 503 },
      ),
    );
    renderWithCredits(<PaymentMethods />, { handlers: [refuse] });
    await choose('Mastercard •••• 4444', 'Set as default');
    expect(await screen.findByRole('alert')).toHaveTextContent('temporarily unavailable');
    expect(within(item('Visa •••• 4242')).getByText('Default')).toBeInTheDocument();
  });

  it('deletes a card after a confirmation that names it', async () => {
    renderWithCredits(<PaymentMethods />);
    await choose('Mastercard •••• 4444', 'Delete');
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Mastercard •••• 4444?' });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete card' }));
    await waitFor(() => expect(screen.queryByText('Mastercard •••• 4444')).not.toBeInTheDocument());
    expect(requests.get('DELETE /payment-methods/pm_000002')).toBe(1);
  });

  it('asks as an alert dialog: focus on Cancel, described, not dismissed by a click outside, Escape cancels', async () => {
    renderWithCredits(<PaymentMethods />);
    const trigger = await choose('Mastercard •••• 4444', 'Delete');
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Mastercard •••• 4444?' });
    expect(dialog).toHaveAccessibleDescription(/.+/);
    await waitFor(() =>
      expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus(),
    );
    // A click beside it (the page is inert behind it, so past the pointer-events check) is not an answer.
    await userEvent.setup({ pointerEventsCheck: 0 }).click(document.body);
    expect(screen.getByRole('alertdialog')).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(trigger).toHaveFocus();
    expect(requests.get('DELETE /payment-methods/pm_000002')).toBeUndefined();
  });

  it('deleting the default asks for the new default', async () => {
    renderWithCredits(<PaymentMethods />);
    await choose('Visa •••• 4242', 'Delete');
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByText(/This is your default card/)).toBeInTheDocument();
    expect(within(dialog).getByLabelText('New default card')).toHaveDisplayValue(
      'Mastercard •••• 4444',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete card' }));
    await waitFor(() => expect(screen.queryByText('Visa •••• 4242')).not.toBeInTheDocument());
    expect(within(item('Mastercard •••• 4444')).getByText('Default')).toBeInTheDocument();
  });

  it('deleting the default never pre-selects an expired card as the new default', async () => {
    const card = (id: string, last4: string, expYear: number, isDefault = false) => ({
      id,
      type: 'card',
      isDefault,
      card: { brand: 'visa', last4, expMonth: 6, expYear },
    });
    const list = [
      card('pm_default', '4242', 2034, true),
      card('pm_expired', '1111', 2020),
      card('pm_valid', '5556', 2033),
    ];
    const sent: (string | null)[] = [];
    renderWithCredits(<PaymentMethods />, {
      handlers: [
        http.get(`${BASE_URL}/payment-methods`, () => HttpResponse.json({ data: list })),
        http.delete(`${BASE_URL}/payment-methods/pm_default`, ({ request }) => {
          const newDefaultId = new URL(request.url).searchParams.get('newDefaultId');
          sent.push(newDefaultId);
          return HttpResponse.json({
            data: list.slice(1).map((m) => ({ ...m, isDefault: m.id === newDefaultId })),
          });
        }),
      ],
    });
    await choose('Visa •••• 4242', 'Delete');
    const dialog = await screen.findByRole('alertdialog');
    const select = within(dialog).getByLabelText('New default card');
    expect(select).toHaveDisplayValue('Visa •••• 5556');
    // The expired card is listed, marked, and cannot be chosen while a valid card exists.
    expect(within(dialog).getByRole('option', { name: 'Visa •••• 1111 (Expired)' })).toBeDisabled();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete card' }));
    await waitFor(() => expect(sent).toEqual(['pm_valid']));
  });

  it('a new default chosen for one deletion is never sent with the next', async () => {
    renderWithCredits(<PaymentMethods />, {
      backend: {
        paymentMethods: ['pm_card_visa', 'pm_card_mastercard', 'pm_card_threeDSecure2Required'],
      },
    });
    // Delete the default, pick "Visa •••• 3184" as the new one, then change our mind.
    await choose('Visa •••• 4242', 'Delete');
    let dialog = await screen.findByRole('alertdialog');
    await userEvent.selectOptions(
      within(dialog).getByLabelText('New default card'),
      'Visa •••• 3184',
    );
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    // Make that card the default, then delete it: the card being deleted cannot be the new default.
    await choose('Visa •••• 3184', 'Set as default');
    await waitFor(() =>
      expect(within(item('Visa •••• 3184')).getByText('Default')).toBeInTheDocument(),
    );
    await choose('Visa •••• 3184', 'Delete');
    dialog = await screen.findByRole('alertdialog', { name: 'Delete Visa •••• 3184?' });
    const select = within(dialog).getByLabelText('New default card');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete card' }));
    await waitFor(() => expect(screen.queryByText('Visa •••• 3184')).not.toBeInTheDocument());
    // What the dialog showed is what became the default.
    expect(select).toHaveDisplayValue('Visa •••• 4242');
    expect(within(item('Visa •••• 4242')).getByText('Default')).toBeInTheDocument();
  });

  it('cancel keeps the card, and focus returns to the card\'s "⋯" button', async () => {
    renderWithCredits(<PaymentMethods />);
    const remove = await choose('Mastercard •••• 4444', 'Delete');
    await userEvent.click(await screen.findByRole('button', { name: 'Cancel' }));
    expect(screen.getByText('Mastercard •••• 4444')).toBeInTheDocument();
    await waitFor(() => expect(remove).toHaveFocus());
  });

  it('shows the empty state and adds a first card that becomes the default', async () => {
    renderWithCredits(<PaymentMethods />, { backend: { paymentMethods: [] } });
    expect(await screen.findByText('No saved cards yet.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add payment method' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add payment method' }));
    await userEvent.type(await dialog.findByLabelText('Card number'), '4000 0027 6000 3184');
    await userEvent.click(dialog.getByRole('button', { name: 'Save card' }));
    await userEvent.click(await dialog.findByRole('button', { name: 'Complete authentication' }));
    expect(await screen.findByText('Visa •••• 3184')).toBeInTheDocument();
    expect(within(item('Visa •••• 3184')).getByText('Default')).toBeInTheDocument();
  });

  it('saving a card after a lost answer repeats the same SetupIntent: one card saved', async () => {
    const keys: (string | null)[] = [];
    let lost = false;
    const { backend } = renderWithCredits(<PaymentMethods />, {
      backend: { paymentMethods: [] },
      handlers: [
        http.post(`${BASE_URL}/setup-intents`, async ({ request }) => {
          keys.push(request.headers.get('idempotency-key'));
          if (lost) return undefined;
          lost = true;
          // The backend creates it, but the answer never arrives.
          await backend.createSetupIntent(request.headers.get('idempotency-key'));
          return HttpResponse.error();
        }),
      ],
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Add payment method' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add payment method' }));
    await userEvent.type(await dialog.findByLabelText('Card number'), '4242 4242 4242 4242');
    await userEvent.click(dialog.getByRole('button', { name: 'Save card' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent('can’t reach the server');
    await userEvent.click(dialog.getByRole('button', { name: 'Save card' }));
    expect(await screen.findByText('Visa •••• 4242')).toBeInTheDocument();
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it('a declined card says why; the dialog opens fresh next time', async () => {
    renderWithCredits(<PaymentMethods />, { backend: { paymentMethods: [] } });
    await userEvent.click(await screen.findByRole('button', { name: 'Add payment method' }));
    let dialog = within(await screen.findByRole('dialog', { name: 'Add payment method' }));
    await userEvent.type(await dialog.findByLabelText('Card number'), '4000 0000 0000 0002');
    await userEvent.click(dialog.getByRole('button', { name: 'Save card' }));
    expect(await dialog.findByRole('alert')).toHaveTextContent(/declined/i);
    await userEvent.click(dialog.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    await userEvent.click(screen.getByRole('button', { name: 'Add payment method' }));
    dialog = within(await screen.findByRole('dialog', { name: 'Add payment method' }));
    expect(dialog.queryByRole('alert')).not.toBeInTheDocument();
    expect(await dialog.findByLabelText('Card number')).toHaveValue('');
    expect(screen.getByText('No saved cards yet.')).toBeInTheDocument();
  });

  it('a card added in PaymentMethods is offered by AddCreditsDialog at once (one shared cache)', async () => {
    renderWithCredits(
      <>
        <PaymentMethods />
        <AddCreditsDialog>
          <BalanceCards
            lowBalanceThreshold={100_000}
            addCreditsAction={<AddCreditsDialog.Trigger />}
          />
        </AddCreditsDialog>
      </>,
      { backend: { paymentMethods: [] } },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Add payment method' }));
    const add = within(await screen.findByRole('dialog', { name: 'Add payment method' }));
    await userEvent.type(await add.findByLabelText('Card number'), '5555 5555 5555 4444');
    await userEvent.click(add.getByRole('button', { name: 'Save card' }));
    await screen.findByText('Mastercard •••• 4444');
    await userEvent.click(screen.getByRole('button', { name: 'Add credits' }));
    const buy = within(await screen.findByRole('dialog', { name: 'Add credits' }));
    expect(await buy.findByRole('radio', { name: /Mastercard •••• 4444/ })).toBeChecked();
  });
});
