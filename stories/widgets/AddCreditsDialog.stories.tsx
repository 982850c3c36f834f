import type { Meta, StoryObj } from '@storybook/react-vite';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { AddCreditsDialog, BalanceCards } from 'credits-react';
import { HttpResponse, http } from 'msw';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { withCredits } from '../support/withCredits';

/**
 * Buying credits: packages, the default card pre-selected (or a new card —
 * in test mode the sandbox form, badged "Test mode"), 3D Secure in-flow, and
 * the new balance in every widget the instant the payment succeeds.
 * Dialogs are portalled: play functions query `screen`, not the canvas.
 */
const meta = {
  title: 'Widgets/AddCreditsDialog',
  component: AddCreditsDialog,
  decorators: [withCredits],
  render: (args) => (
    <AddCreditsDialog {...args}>
      <BalanceCards
        addCreditsAction={<AddCreditsDialog.Trigger />}
        lowBalanceThreshold={10_000_000}
      />
    </AddCreditsDialog>
  ),
} satisfies Meta<typeof AddCreditsDialog>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Each story gets its own fake backend, so one story's purchase never leaks into another. */
const fresh = () => ({ msw: { handlers: createCreditsHandlers() } });

async function open() {
  await userEvent.click(await screen.findByRole('button', { name: 'Add credits' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'Add credits' }));
  await dialog.findAllByRole('radio', { name: /credits/ });
  // Pay is enabled once the payment provider is ready (config loaded).
  await waitFor(() => expect(dialog.getByRole('button', { name: /^Pay / })).toBeEnabled());
  return dialog;
}

async function payWithNewCard(number: string) {
  const dialog = await open();
  await userEvent.click(dialog.getByRole('radio', { name: 'Use a new card' }));
  await userEvent.type(await dialog.findByLabelText('Card number'), number);
  // As a user would: press Pay once it is enabled for the new card.
  const pay = dialog.getByRole('button', { name: 'Pay $10.00' });
  await waitFor(() => expect(pay).toBeEnabled());
  await userEvent.click(pay);
  // The press started the payment (the form is busy or already answered), not a dropped click.
  await waitFor(() =>
    expect(
      pay.isConnected === false ||
        pay.getAttribute('aria-busy') === 'true' ||
        dialog.queryByRole('alert') !== null,
    ).toBe(true),
  );
  return dialog;
}

/** The Current balance card's value, once loaded. */
const available = async (canvasElement: HTMLElement) =>
  within(canvasElement).findByText(/credits$/, { selector: '[data-variant="available"] dd' });
const amount = async (canvasElement: HTMLElement) =>
  Number((await available(canvasElement)).textContent?.replace(/\D/g, ''));

export const ChoosePackage: Story = {
  parameters: fresh(),
  play: async () => {
    const dialog = await open();
    await userEvent.click(dialog.getByRole('radio', { name: /250,000 credits/ }));
    await expect(dialog.getByRole('button', { name: 'Pay $180.00' })).toBeEnabled();
  },
};

export const SavedCardSuccess: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    const before = await amount(canvasElement);
    const dialog = await open();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    await expect(await dialog.findByText('+10,000 credits added')).toBeVisible();
    await waitFor(async () => expect(await amount(canvasElement)).toBe(before + 10_000));
  },
};

export const NewCardSuccess: Story = {
  parameters: fresh(),
  play: async () => {
    const dialog = await payWithNewCard('4242 4242 4242 4242');
    await expect(await dialog.findByText('+10,000 credits added')).toBeVisible();
  },
};

export const ThreeDSecureSuccess: Story = {
  parameters: fresh(),
  play: async () => {
    const dialog = await payWithNewCard('4000 0027 6000 3184');
    await userEvent.click(await dialog.findByRole('button', { name: 'Complete authentication' }));
    await expect(await dialog.findByText('+10,000 credits added')).toBeVisible();
  },
};

export const ThreeDSecureFailure: Story = {
  parameters: fresh(),
  play: async () => {
    const dialog = await payWithNewCard('4000 0027 6000 3184');
    await userEvent.click(await dialog.findByRole('button', { name: 'Fail authentication' }));
    await expect(await dialog.findByRole('alert')).toHaveTextContent('We could not authenticate');
  },
};

export const Declined: Story = {
  parameters: fresh(),
  play: async () => {
    const dialog = await payWithNewCard('4000 0000 0000 0002');
    await expect(await dialog.findByRole('alert')).toHaveTextContent('Your card was declined.');
  },
};

export const InsufficientFunds: Story = {
  parameters: fresh(),
  play: async () => {
    const dialog = await payWithNewCard('4000 0000 0000 9995');
    await expect(await dialog.findByRole('alert')).toHaveTextContent(
      'Your card has insufficient funds.',
    );
  },
};

export const SavedCardDeclined: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'cardDeclined' }) } },
  play: async () => {
    const dialog = await open();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    await expect(await dialog.findByRole('alert')).toHaveTextContent('Your card was declined.');
    await expect(dialog.getByRole('radio', { name: /Visa •••• 4242/ })).toBeEnabled();
  },
};

export const NetworkErrorMidPayment: Story = {
  parameters: {
    msw: {
      handlers: [
        http.post('*/api/credits/v1/purchases', () => HttpResponse.error()),
        ...createCreditsHandlers(),
      ],
    },
  },
  play: async () => {
    const dialog = await open();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    // The client retries a keyed POST twice with backoff before it gives up.
    await expect(await dialog.findByRole('alert', {}, { timeout: 5_000 })).toHaveTextContent(
      'We can’t reach the server',
    );
    await expect(dialog.getByRole('button', { name: 'Try again' })).toBeVisible();
  },
};

/**
 * The webhook's clock: the payment stays `processing` until the play function moves it on,
 * so the story shows the waiting step however slowly the machine answers (a wall-clock
 * delay was sometimes over before, or after, the step it should show).
 */
let webhookClockOffsetMs = 0;
const WEBHOOK_DELAY_MS = 60 * 60_000;

export const SlowWebhook: Story = {
  parameters: {
    msw: {
      handlers: createCreditsHandlers({
        backend: createCreditsBackend({
          webhookDelayMs: WEBHOOK_DELAY_MS,
          now: () => new Date(Date.now() + webhookClockOffsetMs),
        }),
      }),
    },
  },
  play: async () => {
    const dialog = await open();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    await expect(
      await dialog.findByText(/Your payment is being confirmed/, undefined, { timeout: 15_000 }),
    ).toBeVisible();
    // The webhook arrives: the next poll finds the purchase settled.
    webhookClockOffsetMs += WEBHOOK_DELAY_MS;
    await expect(
      await dialog.findByText('+10,000 credits added', undefined, { timeout: 15_000 }),
    ).toBeVisible();
  },
};

export const Forbidden: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'forbidden' }) } },
  play: async () => {
    const dialog = await open();
    await userEvent.click(dialog.getByRole('button', { name: 'Pay $10.00' }));
    await expect(await dialog.findByRole('alert')).toHaveTextContent(
      'Your account can’t buy credits.',
    );
  },
};

export const NoSavedCards: Story = {
  parameters: {
    msw: {
      handlers: createCreditsHandlers({ backend: createCreditsBackend({ paymentMethods: [] }) }),
    },
  },
  play: async () => {
    const dialog = await open();
    await expect(dialog.getByRole('radio', { name: 'Use a new card' })).toBeChecked();
    await expect(dialog.getByText('Test mode')).toBeVisible();
  },
};

export const KeyboardOnly: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    const trigger = await screen.findByRole('button', { name: 'Add credits' });
    trigger.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = within(await screen.findByRole('dialog', { name: 'Add credits' }));
    const first = await dialog.findByRole('radio', { name: /10,000 credits/ });
    first.focus();
    await userEvent.keyboard('{ArrowDown}');
    await expect(dialog.getByRole('radio', { name: /^50,000 credits/ })).toBeChecked();
    await dialog.findByRole('radio', { name: /Visa •••• 4242/ });
    // Tab to the payment method group, then to the Pay button, and press it.
    const pay = dialog.getByRole('button', { name: 'Pay $45.00' });
    while (pay.ownerDocument.activeElement !== pay) await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await expect(await dialog.findByText('+50,000 credits added')).toBeVisible();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(trigger).toHaveFocus());
    await expect(await available(canvasElement)).toBeVisible();
  },
};

export const Dark: Story = {
  parameters: fresh(),
  globals: { creditsTheme: 'dark' },
  play: async () => {
    await open();
  },
};

export const German: Story = {
  parameters: fresh(),
  globals: { locale: 'de-DE' },
  play: async () => {
    // The shipped German words, German numbers and money.
    await userEvent.click(await screen.findByRole('button', { name: 'Credits aufladen' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Credits aufladen' }));
    await expect(await dialog.findByRole('radio', { name: /10\.000 Credits/ })).toBeChecked();
    const pay = dialog.getByRole('button', { name: /^10,00\s\$ bezahlen$/ });
    await waitFor(() => expect(pay).toBeEnabled());
    await expect(dialog.getByText('Paket auswählen')).toBeVisible();
    // The backend's badges ("Popular", "Best value") in German too.
    await expect(dialog.getByText('Beliebt')).toBeVisible();
    await expect(dialog.getByText('Bestes Angebot')).toBeVisible();
  },
};

export const ArabicRightToLeft: Story = {
  parameters: fresh(),
  globals: { locale: 'ar-EG' },
  play: async () => {
    await userEvent.click(await screen.findByRole('button', { name: 'إضافة رصيد' }));
    const dialog = await screen.findByRole('dialog', { name: 'إضافة رصيد' });
    await expect(dialog.closest('[data-credits-root]')).toHaveAttribute('dir', 'rtl');
    // Arabic counts: 10,000 takes the singular form (رصيد), as every count from 100 on.
    await within(dialog).findByRole('radio', { name: /١٠٬٠٠٠ رصيد/ });
    // The package's name after the Arabic comma (a middle dot reads as a zero), its badge in Arabic.
    await expect(within(dialog).getByRole('radio', { name: /١٠٬٠٠٠ رصيد، Starter/ })).toBeChecked();
    await expect(within(dialog).getByText('الأكثر شيوعًا')).toBeVisible();
    await expect(dialog).not.toHaveTextContent('·');
    // The price is isolated inside the Arabic sentence: the word, then the amount, kept whole.
    await expect(within(dialog).getByRole('button', { name: /^ادفع / })).toHaveTextContent(
      /^ادفع \u2068.*١٠٫٠٠.*\u2069$/,
    );
  },
};
