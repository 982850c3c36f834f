import type { Meta, StoryObj } from '@storybook/react-vite';
import { BalanceCards } from 'credits-react';
import { AutoRechargeStatus } from 'credits-react/auto-recharge-status';
import { expect, screen, userEvent, waitFor, within } from 'storybook/test';
import { autoRechargeScenario, autoRechargeStatus } from '../support/autoRecharge';
import { withCredits } from '../support/withCredits';

/**
 * Auto-recharge's status under BalanceCards: `<BalanceCards status={<AutoRechargeStatus />} />`.
 * "Needs your action" comes with "Complete payment", which opens the purchase dialog's 3D Secure
 * challenge on the recharge that waits. Dialogs are portalled: play functions query `screen`.
 */
const meta = {
  title: 'Widgets/AutoRechargeStatus',
  component: BalanceCards,
  decorators: [withCredits],
  args: { status: <AutoRechargeStatus /> },
} satisfies Meta<typeof BalanceCards>;

export default meta;
type Story = StoryObj<typeof meta>;

const scenario = autoRechargeScenario;
const status = autoRechargeStatus;

export const On: Story = {
  parameters: scenario('autoRechargeOn'),
  play: async ({ canvasElement }) => {
    const line = await status(canvasElement, 'active');
    await expect(line).toHaveTextContent('Auto-recharge on · $10.00 of $50.00 this month');
  },
};

export const NeedsAction: Story = {
  parameters: scenario('autoRechargeNeedsAction'),
  play: async ({ canvasElement }) => {
    const line = await status(canvasElement, 'needs_action');
    await expect(line).toHaveTextContent('Auto-recharge needs your action');
    await expect(
      within(canvasElement).getByRole('button', { name: 'Complete payment' }),
    ).toBeVisible();
  },
};

/** One click to the challenge, completed: the balance tops up and the status moves on. */
export const CompletePayment: Story = {
  parameters: scenario('autoRechargeNeedsAction'),
  play: async ({ canvasElement }) => {
    await status(canvasElement, 'needs_action');
    const canvas = within(canvasElement);
    const balance = () =>
      canvasElement.querySelector('[data-variant="available"] [data-slot="balance-value"]')
        ?.textContent;
    const before = balance();
    await userEvent.click(canvas.getByRole('button', { name: 'Complete payment' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'Add credits' }));
    await userEvent.click(
      await dialog.findByRole('button', { name: 'Complete authentication' }, { timeout: 10_000 }),
    );
    await expect(await dialog.findByText('+10,000 credits added')).toBeVisible();
    await status(canvasElement, 'active');
    await expect(balance()).not.toBe(before);
    await userEvent.click(dialog.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await expect(canvas.queryByRole('button', { name: 'Complete payment' })).toBeNull();
  },
};

export const CapReached: Story = {
  parameters: scenario('autoRechargeCapReached'),
  play: async ({ canvasElement }) => {
    const line = await status(canvasElement, 'cap_reached');
    await expect(line).toHaveTextContent('Auto-recharge paused: monthly limit of $20.00 reached');
  },
};

export const Arabic: Story = {
  parameters: scenario('autoRechargeNeedsAction'),
  globals: { locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    await status(canvasElement, 'needs_action');
    await expect(
      await within(canvasElement).findByRole('button', { name: 'إتمام الدفع' }),
    ).toBeVisible();
  },
};
