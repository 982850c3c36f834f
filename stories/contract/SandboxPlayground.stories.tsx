import type { Meta, StoryObj } from '@storybook/react-vite';
import { createCreditsHandlers } from 'credits-msw';
import { expect, userEvent, within } from 'storybook/test';
import { SandboxPlayground } from './SandboxPlayground';

/**
 * The contract end to end in the browser: `credits-core` talks to
 * `credits-msw`, which answers inside a service worker — no backend. Pick a
 * Stripe test card: 4242… succeeds, 4000 0027 6000 3184 asks for 3D Secure,
 * 9995 and 0002 are declined.
 */
const meta = {
  title: 'Contract/Sandbox purchase',
  component: SandboxPlayground,
  parameters: { msw: { handlers: createCreditsHandlers() } },
} satisfies Meta<typeof SandboxPlayground>;

export default meta;
type Story = StoryObj<typeof meta>;

const available = (canvasElement: HTMLElement) =>
  within(canvasElement).findByText(/^[\d,]+ credits$/, { selector: 'output' });

const credits = (text: string | null) => Number(text?.replace(/\D/g, ''));

/** Buys the selected package with a test card, as a user would; returns the balance before. */
async function buyWith(canvasElement: HTMLElement, token: string) {
  const canvas = within(canvasElement);
  const before = credits((await available(canvasElement)).textContent);
  await userEvent.selectOptions(canvas.getByLabelText('Test card'), token);
  await userEvent.click(canvas.getByRole('button', { name: 'Buy credits' }));
  return before;
}

export const BuyWithTestCard: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const before = await buyWith(canvasElement, 'pm_card_visa');
    await expect(await canvas.findByText('Added 10,000 credits.')).toBeVisible();
    await expect(credits((await available(canvasElement)).textContent)).toBe(before + 10_000);
  },
};

export const ThreeDSecure: Story = {
  parameters: { msw: { handlers: createCreditsHandlers() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const before = await buyWith(canvasElement, 'pm_card_threeDSecure2Required');
    await userEvent.click(await canvas.findByRole('button', { name: 'Complete authentication' }));
    await expect(await canvas.findByText('Added 10,000 credits.')).toBeVisible();
    await expect(credits((await available(canvasElement)).textContent)).toBe(before + 10_000);
  },
};

export const Declined: Story = {
  parameters: { msw: { handlers: createCreditsHandlers() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const before = await buyWith(canvasElement, 'pm_card_visa_chargeDeclinedInsufficientFunds');
    await expect(await canvas.findByRole('alert')).toHaveTextContent(
      'Your card has insufficient funds.',
    );
    await expect(credits((await available(canvasElement)).textContent)).toBe(before);
  },
};

export const ServerError: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'serverError' }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'code: internal_error',
    );
  },
};

export const Forbidden: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'forbidden' }) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await available(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Buy credits' }));
    await expect(await canvas.findByRole('alert')).toHaveTextContent('code: forbidden');
  },
};
