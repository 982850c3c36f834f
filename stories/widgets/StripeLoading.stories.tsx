import type { Meta, StoryObj } from '@storybook/react-vite';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { AddCreditsDialog, BalanceCards, HistoryTable, PaymentMethods } from 'credits-react';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { requestCounter } from '../support/requestCounter';
import { withCredits } from '../support/withCredits';

/**
 * With a Stripe publishable key in the config, Stripe.js is requested only
 * when a card form is about to show — never for balance, history or the saved
 * cards. Offline (as here), the card form then says clearly that it could not
 * load, and saved cards still work.
 */
const meta = {
  title: 'Widgets/Stripe loading',
  decorators: [withCredits],
  render: () => (
    <div style={{ display: 'grid', gap: 16 }}>
      <AddCreditsDialog>
        <BalanceCards
          lowBalanceThreshold={10_000_000}
          addCreditsAction={<AddCreditsDialog.Trigger />}
        />
      </AddCreditsDialog>
      <PaymentMethods />
      <HistoryTable height="12rem" />
    </div>
  ),
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

const stripeScripts = () => document.querySelectorAll('script[src*="stripe.com"]').length;

/** Requests to Stripe's hosts (js.stripe.com, any *.stripe.com, any *.stripe.network), as the network sees them. */
const stripeRequests = requestCounter(
  /^[a-z]+:\/\/([^/?#@]+\.)?stripe\.(com|network)(:\d+)?([/?#]|$)/,
);

export const NoStripeUntilACardFormOpens: Story = {
  parameters: {
    msw: {
      handlers: createCreditsHandlers({
        backend: createCreditsBackend({ stripePublishableKey: 'pk_test_offline_demo' }),
      }),
    },
  },
  // Counting starts before the story renders, so a request made on mount is counted too.
  beforeEach: stripeRequests.beforeEach,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // Under Vitest only: `storybook dev` has no command to count requests, and skips just that.
    const counting = (await stripeRequests.urls()) !== undefined;
    await canvas.findByText('Current balance');
    await canvas.findByText('Visa •••• 4242');
    await waitFor(() => expect(canvas.getAllByRole('row').length).toBeGreaterThan(2));
    // Balance, saved cards and history are on screen: zero requests for Stripe.js.
    await expect(stripeScripts()).toBe(0);
    if (counting) await expect(await stripeRequests.urls()).toEqual([]);

    await userEvent.click(canvas.getByRole('button', { name: 'Add credits' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add credits' }));
    await dialog.findAllByRole('radio', { name: /credits/ });
    await expect(stripeScripts()).toBe(0);
    if (counting) await expect(await stripeRequests.urls()).toEqual([]);

    // Positive control: choosing a new card requests Stripe.js…
    await userEvent.click(dialog.getByRole('radio', { name: 'Use a new card' }));
    await waitFor(() => expect(stripeScripts()).toBe(1), { timeout: 10_000 });
    if (counting) {
      await waitFor(async () => expect(await stripeRequests.urls()).not.toEqual([]), {
        timeout: 10_000,
      });
    }
    // …which cannot load here, and the user is told so.
    await expect(await dialog.findByRole('alert', {}, { timeout: 20_000 })).toHaveTextContent(
      'The secure card form couldn’t load',
    );
  },
};
