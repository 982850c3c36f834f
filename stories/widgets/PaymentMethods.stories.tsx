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

/** Opens a card's "⋯" actions (a popover in the top layer, so found on the whole page). */
const openActions = async (canvasElement: HTMLElement, card: string) => {
  const trigger = await within(canvasElement).findByRole('button', { name: `Actions for ${card}` });
  await userEvent.click(trigger);
  await waitFor(() => expect(trigger).toHaveAttribute('aria-expanded', 'true'));
  return trigger;
};

/** Opens a card's actions and chooses one. */
const choose = async (canvasElement: HTMLElement, card: string, action: string) => {
  await openActions(canvasElement, card);
  await userEvent.click(await screen.findByRole('button', { name: action }));
};

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
    await choose(canvasElement, 'Mastercard •••• 4444', 'Set as default');
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
    await choose(canvasElement, 'Mastercard •••• 4444', 'Delete');
    await expect(
      await screen.findByRole('alertdialog', { name: 'Delete Mastercard •••• 4444?' }),
    ).toBeVisible();
  },
};

export const DeleteDefault: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    await choose(canvasElement, 'Visa •••• 4242', 'Delete');
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
    // Enter on a card's "⋯" opens its actions; Tab goes into them (a disclosure, DOM order).
    const mastercard = await within(canvasElement).findByRole('button', {
      name: 'Actions for Mastercard •••• 4444',
    });
    mastercard.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await expect(screen.getByRole('button', { name: 'Set as default' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(async () =>
      expect(
        within(await row(canvasElement, 'Mastercard •••• 4444')).getByText('Default'),
      ).toBeVisible(),
    );
    // The actions closed; focus is back on the "⋯" button.
    await expect(mastercard).toHaveFocus();
    await expect(mastercard).toHaveAttribute('aria-expanded', 'false');
    // (Escape needs a real key press for the browser to close a popover: the demo's
    // end-to-end test presses it, examples/vite-app/test/e2e.test.ts.)
    const visa = within(canvasElement).getByRole('button', { name: 'Actions for Visa •••• 3184' });
    visa.focus();
    await userEvent.keyboard('{Enter}');
    await userEvent.tab();
    await userEvent.tab();
    await expect(screen.getByRole('button', { name: 'Delete' })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    const dialog = within(await screen.findByRole('alertdialog'));
    await waitFor(() => expect(dialog.getByRole('button', { name: 'Cancel' })).toHaveFocus());
    await userEvent.tab();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(within(canvasElement).queryByText('Visa •••• 3184')).toBeNull());
  },
};

/** A card's actions open beside its "⋯" button: Set as default, and Delete in the danger tone. */
export const ActionsOpen: Story = {
  parameters: fresh(),
  play: async ({ canvasElement }) => {
    const trigger = await openActions(canvasElement, 'Mastercard •••• 4444');
    const popup = document.getElementById(trigger.getAttribute('aria-controls') as string);
    await expect(
      within(popup as HTMLElement)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Set as default', 'Delete']);
    // Beside the button, aligned to its inline end (the browser alone would centre it).
    await waitFor(() => {
      const [button, box] = [trigger.getBoundingClientRect(), popup?.getBoundingClientRect()];
      expect(Math.abs((box?.right ?? 0) - button.right)).toBeLessThan(1);
      expect(Math.abs((box?.top ?? 0) - button.bottom - 4)).toBeLessThan(1);
    });
  },
};

/** The same, right to left: the actions line up with the button's left edge. */
export const ActionsOpenArabic: Story = {
  parameters: fresh(),
  globals: { locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    const [, trigger] = await waitFor(() => {
      const triggers = canvasElement.querySelectorAll<HTMLElement>('.credits-icon-button');
      expect(triggers).toHaveLength(3);
      return [...triggers];
    });
    await userEvent.click(trigger as HTMLElement);
    const popup = document.getElementById(trigger?.getAttribute('aria-controls') as string);
    await waitFor(() => {
      const [button, box] = [trigger?.getBoundingClientRect(), popup?.getBoundingClientRect()];
      expect(Math.abs((box?.left ?? -99) - (button?.left ?? 0))).toBeLessThan(1);
    });
  },
};

export const Dark: Story = { parameters: fresh(), globals: { creditsTheme: 'dark' } };
export const German: Story = { parameters: fresh(), globals: { locale: 'de-DE' } };
