import type { Meta, StoryObj } from '@storybook/react-vite';
import { createCreditsHandlers } from 'credits-msw';
import { AutoRechargeSettings } from 'credits-react/auto-recharge';
import { expect, userEvent, within } from 'storybook/test';
import { autoRechargeScenario, autoRechargeStatus } from '../support/autoRecharge';
import { withCredits } from '../support/withCredits';

/**
 * Auto-recharge: opt in, the threshold, the package, a monthly cap in money ("up to N recharges
 * a month") and the card; with this month's status. Each story runs a credits-msw scenario.
 */
const meta = {
  title: 'Widgets/AutoRechargeSettings',
  component: AutoRechargeSettings,
  decorators: [withCredits],
} satisfies Meta<typeof AutoRechargeSettings>;

export default meta;
type Story = StoryObj<typeof meta>;

const scenario = autoRechargeScenario;
const status = autoRechargeStatus;

export const Off: Story = {
  parameters: scenario('off'),
  play: async ({ canvasElement }) => {
    await status(canvasElement, 'off');
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('switch', { name: 'Top up automatically' })).not.toBeChecked();
    await expect(canvas.getByText('Up to 5 recharges a month')).toBeVisible();
  },
};

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
    await expect(line).toHaveTextContent('needs your action');
  },
};

export const Declined: Story = {
  parameters: scenario('autoRechargeDeclined'),
  play: async ({ canvasElement }) => {
    const line = await status(canvasElement, 'active');
    await expect(line).toHaveTextContent('The last recharge was declined.');
  },
};

export const CapReached: Story = {
  parameters: scenario('autoRechargeCapReached'),
  play: async ({ canvasElement }) => {
    const line = await status(canvasElement, 'cap_reached');
    await expect(line).toHaveTextContent('Auto-recharge paused: monthly limit of $20.00 reached');
  },
};

/** Keyboard only: turn it on, type a bad threshold and a cap below one package, see both errors. */
export const ValidationErrors: Story = {
  parameters: scenario('off'),
  play: async ({ canvasElement }) => {
    await status(canvasElement, 'off');
    const canvas = within(canvasElement);
    const threshold = canvas.getByRole('textbox', { name: 'When credits fall below' });
    await userEvent.clear(threshold);
    await userEvent.type(threshold, '0');
    const cap = canvas.getByRole('textbox', { name: 'Monthly limit (USD)' });
    await userEvent.clear(cap);
    await userEvent.type(cap, '5');
    await expect(canvas.getByText('Up to 0 recharges a month')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(
      await canvas.findByText('Enter a whole number of credits, 1 or more.'),
    ).toBeVisible();
    await expect(canvas.getByText('The limit must cover at least one package.')).toBeVisible();
    await expect(threshold).toHaveAttribute('aria-invalid', 'true');
    await expect(threshold).toHaveFocus();
  },
};

/** Turning it on with the keyboard and saving: the status line follows the backend. */
export const TurnOn: Story = {
  parameters: scenario('off'),
  play: async ({ canvasElement }) => {
    await status(canvasElement, 'off');
    const canvas = within(canvasElement);
    canvas.getByRole('switch', { name: 'Top up automatically' }).focus();
    await userEvent.keyboard(' ');
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await status(canvasElement, 'active');
    await expect(canvas.getByRole('switch', { name: 'Top up automatically' })).toBeChecked();
  },
};

/** Turning it on without a saved card: the backend's payment_method_required, in words. */
export const NoCard: Story = {
  parameters: {
    msw: {
      handlers: createCreditsHandlers({
        scenario: { backend: { autoRecharge: {}, paymentMethods: [] } },
      }),
    },
  },
  play: async ({ canvasElement }) => {
    await status(canvasElement, 'off');
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('switch', { name: 'Top up automatically' }));
    await userEvent.click(canvas.getByRole('button', { name: 'Save' }));
    await expect(
      await canvas.findByText('Add a card first: auto-recharge needs a saved, valid card.'),
    ).toBeVisible();
  },
};

export const Arabic: Story = {
  parameters: scenario('autoRechargeOn'),
  globals: { locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    const line = await status(canvasElement, 'active');
    await expect(line).toHaveTextContent('الشحن التلقائي مفعّل');
  },
};
