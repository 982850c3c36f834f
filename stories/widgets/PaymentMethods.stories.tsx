import type { Meta, StoryObj } from '@storybook/react-vite';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { PaymentMethods } from 'credits-react';
import { delay, HttpResponse, http } from 'msw';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { expectLoading } from '../support/loading';
import { serverErrorThenRecovery } from '../support/serverErrorThenRecovery';
import { withCredits } from '../support/withCredits';

/** Saved cards: Default badge, expiry warnings, set as default, delete with confirmation, add a card. */
const meta = {
  title: 'Widgets/PaymentMethods',
  component: PaymentMethods,
  decorators: [withCredits],
  parameters: {
    msw: {
      handlers: createCreditsHandlers({
        backend: createCreditsBackend({
          paymentMethods: ['pm_card_visa', 'pm_card_mastercard', 'pm_card_threeDSecure2Required'],
        }),
      }),
    },
  },
} satisfies Meta<typeof PaymentMethods>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A fake backend of its own with three saved cards. */
const threeCards = () =>
  createCreditsHandlers({
    backend: createCreditsBackend({
      paymentMethods: ['pm_card_visa', 'pm_card_mastercard', 'pm_card_threeDSecure2Required'],
    }),
  });

/** Each story gets its own fake backend with three saved cards. */
const fresh = () => ({ msw: { handlers: threeCards() } });

/** The widget's region, named by its heading. */
const REGION = 'Payment methods';

const row = async (canvasElement: HTMLElement, name: string) =>
  (await within(canvasElement).findByText(name)).closest('li') as HTMLElement;

export const Default: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    await expect(
      within(await row(canvasElement, 'Visa •••• 4242')).getByText('Default'),
    ).toBeVisible();
  },
};

export const SetAsDefault: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', {
        name: 'Set as default: Mastercard •••• 4444',
      }),
    );
    await waitFor(async () =>
      expect(
        within(await row(canvasElement, 'Mastercard •••• 4444')).getByText('Default'),
      ).toBeVisible(),
    );
  },
};

export const DeleteConfirmation: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: 'Delete: Mastercard •••• 4444' }),
    );
    await expect(
      await screen.findByRole('alertdialog', { name: 'Delete Mastercard •••• 4444?' }),
    ).toBeVisible();
  },
};

export const DeleteDefault: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: 'Delete: Visa •••• 4242' }),
    );
    const dialog = within(await screen.findByRole('alertdialog'));
    await userEvent.selectOptions(dialog.getByLabelText('New default card'), 'Visa •••• 3184');
    await userEvent.click(dialog.getByRole('button', { name: 'Delete card' }));
    await waitFor(async () =>
      expect(within(await row(canvasElement, 'Visa •••• 3184')).getByText('Default')).toBeVisible(),
    );
  },
};

export const AddCardWith3DS: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    await userEvent.click(
      await within(canvasElement).findByRole('button', { name: 'Add payment method' }),
    );
    const dialog = within(await screen.findByRole('dialog', { name: 'Add payment method' }));
    await userEvent.type(await dialog.findByLabelText('Card number'), '4000 0027 6000 3184');
    await userEvent.click(dialog.getByRole('button', { name: 'Save card' }));
    await userEvent.click(await dialog.findByRole('button', { name: 'Complete authentication' }));
    await waitFor(() =>
      expect(within(canvasElement).getAllByText('Visa •••• 3184')).toHaveLength(2),
    );
  },
};

export const Loading: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/api/credits/v1/payment-methods', async () => delay('infinite')),
        ...threeCards(),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: REGION });
    const status = await expectLoading(canvasElement, 'Loading your saved cards…');
    await expect(region).toContainElement(status);
    await expect(status).toBeVisible();
    await expect(canvas.queryByRole('list')).toBeNull();
  },
};

/** The server fails once; Retry asks again and the saved cards appear. */
const serverDown = serverErrorThenRecovery('/payment-methods', threeCards());

export const ServerError: Story = {
  ...serverDown.story,
  play: async ({ canvasElement }) => {
    const region = within(await within(canvasElement).findByRole('region', { name: REGION }));
    await expect(await region.findByRole('alert')).toHaveTextContent('The server had a problem.');
    await expect(region.queryByText('Visa •••• 4242')).toBeNull();
    serverDown.recover();
    await userEvent.click(region.getByRole('button', { name: 'Retry' }));
    await expect(
      within(await row(canvasElement, 'Visa •••• 4242')).getByText('Default'),
    ).toBeVisible();
    await expect(region.getAllByRole('listitem')).toHaveLength(3);
    await expect(region.queryByRole('alert')).toBeNull();
  },
};

export const NoSavedCards: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'empty' }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No saved cards yet.')).toBeVisible();
  },
};

export const ExpiredCard: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/api/credits/v1/payment-methods', () =>
          HttpResponse.json({
            data: [
              {
                id: 'pm_1',
                type: 'card',
                isDefault: true,
                card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2034 },
              },
              {
                id: 'pm_2',
                type: 'card',
                isDefault: false,
                card: { brand: 'mastercard', last4: '1234', expMonth: 3, expYear: 2021 },
              },
              { id: 'pm_3', type: 'link', isDefault: false, email: 'ana@example.com' },
            ],
          }),
        ),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await expect(
      within(await row(canvasElement, 'Mastercard •••• 1234')).getByText('Expired'),
    ).toBeVisible();
    await expect(within(canvasElement).getByText('Link (ana@example.com)')).toBeVisible();
  },
};

export const KeyboardOnly: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    const setDefault = await within(canvasElement).findByRole('button', {
      name: 'Set as default: Mastercard •••• 4444',
    });
    setDefault.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(async () =>
      expect(
        within(await row(canvasElement, 'Mastercard •••• 4444')).getByText('Default'),
      ).toBeVisible(),
    );
    const remove = within(canvasElement).getByRole('button', { name: 'Delete: Visa •••• 3184' });
    remove.focus();
    await userEvent.keyboard('{Enter}');
    const dialog = within(await screen.findByRole('alertdialog'));
    await waitFor(() => expect(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(within(canvasElement).queryByText('Visa •••• 3184')).toBeNull());
  },
};

export const Dark: Story = { parameters: fresh(), globals: { creditsTheme: 'dark' } };
export const German: Story = { parameters: fresh(), globals: { locale: 'de-DE' } };
