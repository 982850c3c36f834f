import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  createCreditsBackend,
  createCreditsHandlers,
  DEFAULT_ACCOUNT_ID,
  DEFAULT_SERVER_API_KEY,
} from 'credits-msw';
import { BalanceCards } from 'credits-react';
import { delay, HttpResponse, http } from 'msw';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { expectLoading } from '../support/loading';
import { withCredits } from '../support/withCredits';

/**
 * The account's credits at a glance. Current balance (green) is total − used;
 * Used credits (orange) shows its share of the total with a progress bar; an
 * Expiring soon card appears when grants expire. Data comes from `credits-msw`
 * scenarios.
 */
const meta = {
  title: 'Widgets/BalanceCards',
  component: BalanceCards,
  decorators: [withCredits],
  parameters: { msw: { handlers: createCreditsHandlers() } },
  args: { onAddCredits: fn() },
} satisfies Meta<typeof BalanceCards>;

export default meta;
type Story = StoryObj<typeof meta>;

const cards = (canvasElement: HTMLElement) => within(canvasElement);

/** The current balance card's parts whose colours a user compares: its edge, its figure, the notice under the cards. */
function balanceTone(canvasElement: HTMLElement) {
  const part = (selector: string) => canvasElement.querySelector(selector) as HTMLElement;
  const available = '[data-variant="available"]';
  return {
    edge: getComputedStyle(part(`${available} > [aria-hidden="true"]`)).backgroundColor,
    figure: getComputedStyle(part(`${available} [data-slot="balance-value"]`)).color,
    muted: getComputedStyle(part(`${available} dd:nth-of-type(2)`)).color,
    notice: getComputedStyle(part('[data-slot="balance-notice"]')).borderTopColor,
  };
}

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = cards(canvasElement);
    await expect(await canvas.findByText('Current balance')).toBeVisible();
    await expect(canvas.getByRole('progressbar', { name: 'Share of credits used' })).toBeVisible();
    // A healthy balance needs no warning, yet the way to buy more stays one click away.
    await expect(canvas.queryByText('Your credit balance is low.')).toBeNull();
    await userEvent.click(canvas.getByRole('button', { name: 'Add credits' }));
    await expect(args.onAddCredits).toHaveBeenCalledTimes(1);
  },
};

export const Loading: Story = {
  parameters: {
    msw: { handlers: [http.get('*/api/credits/v1/balance', async () => delay('infinite'))] },
  },
  play: async ({ canvasElement }) => {
    const canvas = cards(canvasElement);
    await expect(canvasElement.querySelector('[data-slot="balance-cards"]')).toHaveAttribute(
      'data-status',
      'loading',
    );
    // Screen readers get the section's heading, the busy state and the loading text
    // (visually hidden: sighted users see skeleton cards); no figures, no error yet.
    await expect(canvas.getByRole('heading', { name: 'Credit balance' })).toBeInTheDocument();
    await expectLoading(canvasElement, 'Loading your credit balance…');
    await expect(canvas.queryByText('Current balance')).toBeNull();
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

/** A new account, never funded: a neutral first step, not a "low balance" warning. */
export const Empty: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'empty' }) } },
  play: async ({ canvasElement, args }) => {
    const canvas = cards(canvasElement);
    await expect(await canvas.findAllByText('0 credits')).toHaveLength(2);
    await expect(canvas.getByText('You have no credits yet.')).toBeVisible();
    await expect(canvas.queryByText('Your credit balance is low.')).toBeNull();
    // Neutral: the edge is the muted grey of "of 0 total", not green (all is well) or orange (low).
    const tone = balanceTone(canvasElement);
    await expect(tone.edge).toBe(tone.muted);
    await userEvent.click(canvas.getByRole('button', { name: 'Add credits' }));
    await expect(args.onAddCredits).toHaveBeenCalledTimes(1);
  },
};

export const LowBalance: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'lowBalance' }) } },
  play: async ({ canvasElement, args }) => {
    const canvas = cards(canvasElement);
    await expect(await canvas.findByText('Your credit balance is low.')).toBeVisible();
    await expect(canvas.getByText('1,200 credits')).toBeVisible();
    // One tone: the edge takes the warning's colour, not the success green.
    const tone = balanceTone(canvasElement);
    await expect(tone.edge).toBe(tone.notice);
    await expect(tone.figure).toBe(tone.notice);
    await userEvent.click(canvas.getByRole('button', { name: 'Add credits' }));
    await expect(args.onAddCredits).toHaveBeenCalledTimes(1);
  },
};

export const ExpiringGrants: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'expiringGrants' }) } },
  play: async ({ canvasElement }) => {
    const canvas = cards(canvasElement);
    await expect(await canvas.findByText('Expiring soon')).toBeVisible();
    await expect(canvas.getByText('2,000 credits expire on Dec 1, 2026')).toBeVisible();
  },
};

/** A backend whose host holds 1,500 credits for a running job (Server API hold). */
function backendWithHold() {
  const backend = createCreditsBackend();
  void backend.server.createHold(
    backend.server.accountId,
    { credits: 1_500, description: 'Website generation', expiresAt: '2099-01-01T00:00:00Z' },
    'story-hold',
  );
  return backend;
}

/** Credits reserved for a job still running: out of the current balance, shown beneath it. */
export const HeldCredits: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ backend: backendWithHold() }) } },
  play: async ({ canvasElement }) => {
    const canvas = cards(canvasElement);
    await expect(await canvas.findByText('1,500 credits held for running jobs')).toBeVisible();
  },
};

export const ServerError: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'serverError' }) } },
  play: async ({ canvasElement }) => {
    const canvas = cards(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server had a problem.');
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
  },
};

export const MalformedResponse: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'malformed' }) } },
  play: async ({ canvasElement }) => {
    await expect(await cards(canvasElement).findByRole('alert')).toHaveTextContent(
      'an answer we don’t understand',
    );
  },
};

export const Overdrawn: Story = {
  parameters: {
    msw: {
      handlers: [
        http.get('*/api/credits/v1/balance', () =>
          HttpResponse.json({
            total: 10_000,
            used: 12_000,
            available: -2_000,
            overdraftAllowed: true,
            lowBalanceThreshold: 5_000,
            updatedAt: '2026-11-24T12:00:00Z',
          }),
        ),
      ],
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = cards(canvasElement);
    await expect(await canvas.findByText('-2,000 credits')).toBeVisible();
    // 12,000 of 10,000 used is 120%, whatever the bar (full) can show.
    await expect(canvas.getByText('120% of your credits used')).toBeVisible();
    await expect(canvas.getByText('Your credit balance is overdrawn.')).toBeVisible();
    await expect(canvas.queryByText('Your credit balance is low.')).toBeNull();
    // Red throughout: the edge, the figure and the notice share the danger colour (no green edge).
    const tone = balanceTone(canvasElement);
    await expect(tone.edge).toBe(tone.figure);
    await expect(tone.notice).toBe(tone.figure);
    await userEvent.click(canvas.getByRole('button', { name: 'Add credits' }));
    await expect(args.onAddCredits).toHaveBeenCalledTimes(1);
  },
};

export const Compact: Story = {
  args: { notation: 'compact' },
};

export const Dark: Story = {
  globals: { creditsTheme: 'dark' },
  play: async ({ canvasElement }) => {
    await cards(canvasElement).findByText('Current balance');
    await expect(canvasElement.querySelector('[data-slot="balance-cards"]')).toHaveAttribute(
      'data-credits-theme',
      'dark',
    );
  },
};

export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await expect(
      await cards(canvasElement).findByText(/^[\d.]+ Credits$/, {
        selector: '[data-variant="available"] dd',
      }),
    ).toBeVisible();
  },
};

export const Japanese: Story = {
  globals: { locale: 'ja-JP' },
};

export const ArabicRightToLeft: Story = {
  globals: { locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    await cards(canvasElement).findByText('الرصيد الحالي');
    await expect(canvasElement.querySelector('[data-slot="balance-cards"]')).toHaveAttribute(
      'dir',
      'rtl',
    );
  },
};

/**
 * Live balance: credits-msw streams the account's changes (`GET /events`), and the provider
 * (live by default) writes them into the cache. Credits spent elsewhere — another tab, a
 * teammate, the host's own server through the usage API — show without a reload, and the
 * polite live region announces the new balance.
 */
export const LiveBalance: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'live' }) } },
  play: async ({ canvasElement }) => {
    const canvas = cards(canvasElement);
    await expect(await canvas.findByText('Current balance')).toBeVisible();
    const before = (await (await fetch('/api/credits/v1/balance')).json()) as {
      available: number;
    };
    const card = () => canvasElement.querySelector('[data-variant="available"]') as HTMLElement;
    await expect(card()).toHaveTextContent(`${before.available.toLocaleString('en-US')} credits`);
    // Spent elsewhere: the host's server debits through the Server API, with its secret key.
    const spent = await fetch(`/api/credits/v1/server/accounts/${DEFAULT_ACCOUNT_ID}/usage`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': crypto.randomUUID(),
        'X-Api-Key': DEFAULT_SERVER_API_KEY,
      },
      body: JSON.stringify({ credits: 1_000, description: 'Website generation (another tab)' }),
    });
    await expect(spent.status).toBe(201);
    const after = `${(before.available - 1_000).toLocaleString('en-US')} credits`;
    await waitFor(() => expect(card()).toHaveTextContent(after), { timeout: 5_000 });
    const announcer = canvasElement.querySelector('[data-slot="balance-announcer"]');
    await expect(announcer).toHaveAttribute('aria-live', 'polite');
    await expect(announcer?.textContent).toContain(
      (before.available - 1_000).toLocaleString('en-US'),
    );
  },
};
