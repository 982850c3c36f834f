import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Transaction, Website } from 'credits-core';
import { createCreditsBackend, createCreditsHandlers, generateTransactions } from 'credits-msw';
import { UsageByWebsite } from 'credits-react';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { expectLoading } from '../support/loading';
import { serverErrorThenRecovery } from '../support/serverErrorThenRecovery';
import { withCredits } from '../support/withCredits';

/** Which websites consume the most credits over the last 30 days. */
const meta = {
  title: 'Widgets/UsageByWebsite',
  component: UsageByWebsite,
  decorators: [withCredits],
  parameters: {
    msw: {
      handlers: createCreditsHandlers({
        backend: createCreditsBackend({
          transactions: generateTransactions({ count: 300, now: new Date().toISOString() }),
        }),
      }),
    },
  },
} satisfies Meta<typeof UsageByWebsite>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The widget's region, named by its heading. */
const REGION = 'Usage by website · Last 30 days';

const usageRows = (canvasElement: HTMLElement) => within(canvasElement).getAllByRole('listitem');

const bakery: Website = { id: 'web_bakery', name: 'Bakery Bliss', url: 'https://bakery.example' };
const kanzlei: Website = { id: 'web_law', name: 'Kanzlei Meyer', url: 'https://kanzlei.example' };
const ramen: Website = { id: 'web_ramen', name: '東京ラーメン', url: 'https://ramen.example' };

/**
 * A fixed month: 15,000 + 6,000 + 3,000 credits spent on three websites, so
 * every count and share (62.5 %, 25 %, 12.5 %) is known in each locale.
 */
const fixedMonth = () => {
  const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00Z`;
  const usage = (id: string, day: number, website: Website, amount: number, after: number) =>
    ({
      id,
      createdAt: at(day),
      type: 'usage',
      description: 'Website generation',
      amount: -amount,
      balanceAfter: after,
      website,
      purchaseId: null,
    }) satisfies Transaction;
  const transactions: Transaction[] = [
    usage('u3', 20, ramen, 3_000, 26_000),
    usage('u2', 15, kanzlei, 6_000, 29_000),
    usage('u1', 10, bakery, 15_000, 35_000),
    {
      id: 'g1',
      createdAt: at(1),
      type: 'grant',
      description: 'Welcome credits',
      amount: 50_000,
      balanceAfter: 50_000,
      website: null,
      purchaseId: null,
    },
  ];
  return {
    msw: {
      handlers: createCreditsHandlers({
        backend: createCreditsBackend({
          transactions,
          now: () => new Date('2026-11-24T12:00:00Z'),
        }),
      }),
    },
  };
};

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(usageRows(canvasElement).length).toBeGreaterThan(1));
  },
};

export const NothingSpent: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'empty' }) } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('No credits spent in this period.'),
    ).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: {
    msw: { handlers: [http.get('*/api/credits/v1/usage/websites', async () => delay('infinite'))] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = await canvas.findByRole('region', { name: REGION });
    const status = await expectLoading(canvasElement, 'Loading usage by website…');
    await expect(region).toContainElement(status);
    await expect(status).toBeVisible();
    await expect(canvas.queryByRole('list')).toBeNull();
  },
};

/** The server fails once; Retry asks again and the ranking appears. */
const serverDown = serverErrorThenRecovery('/usage/websites', fixedMonth().msw.handlers);

export const ServerError: Story = {
  ...serverDown.story,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const region = within(await canvas.findByRole('region', { name: REGION }));
    await expect(await region.findByRole('alert')).toHaveTextContent('The server had a problem.');
    await expect(region.queryByRole('list')).toBeNull();
    serverDown.recover();
    await userEvent.click(region.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(usageRows(canvasElement)).toHaveLength(3));
    await expect(region.queryByRole('alert')).toBeNull();
    await expect(
      region.getByRole('link', { name: `${bakery.name} (opens in a new tab)` }),
    ).toBeVisible();
  },
};

export const Dark: Story = { globals: { creditsTheme: 'dark' } };

export const German: Story = {
  parameters: fixedMonth(),
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(usageRows(canvasElement)).toHaveLength(3));
    const [first, second, third] = usageRows(canvasElement);
    await expect(
      within(first as HTMLElement).getByRole('link', {
        name: `${bakery.name} (öffnet in neuem Tab)`,
      }),
    ).toBeVisible();
    // German digits: a point groups thousands, a comma marks decimals, a space precedes %.
    await expect(first).toHaveTextContent('15.000 Credits · 62,5 %');
    await expect(second).toHaveTextContent('6.000 Credits · 25 %');
    await expect(third).toHaveTextContent('3.000 Credits · 12,5 %');
    await expect(canvasElement.querySelector('[data-slot="usage-by-website"]')).toHaveAttribute(
      'lang',
      'de-DE',
    );
  },
};

export const Japanese: Story = {
  parameters: fixedMonth(),
  globals: { locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(usageRows(canvasElement)).toHaveLength(3));
    const [first, , third] = usageRows(canvasElement);
    await expect(first).toHaveTextContent('15,000 クレジット · 62.5%');
    await expect(
      within(third as HTMLElement).getByRole('link', {
        name: `${ramen.name} （新しいタブで開きます）`,
      }),
    ).toBeVisible();
    await expect(third).toHaveTextContent('3,000 クレジット · 12.5%');
    await expect(canvasElement.querySelector('[data-slot="usage-by-website"]')).toHaveAttribute(
      'lang',
      'ja-JP',
    );
  },
};

/** Twelve websites used yesterday, website `n` spending 1,300 − 100·n credits (most first). */
const twelveWebsites = () => {
  const yesterday = Date.now() - 86_400_000;
  let balance = 100_000;
  const transactions: Transaction[] = [];
  for (let n = 1; n <= 12; n += 1) {
    balance -= 1_300 - 100 * n;
    transactions.unshift({
      id: `u${n}`,
      createdAt: new Date(yesterday + n * 1_000).toISOString(),
      type: 'usage',
      description: 'Website generation',
      amount: -(1_300 - 100 * n),
      balanceAfter: balance,
      website: { id: `web_${String(n).padStart(2, '0')}`, name: `Website ${n}`, url: null },
      purchaseId: null,
    });
  }
  transactions.push({
    id: 'g1',
    createdAt: new Date(yesterday - 3_600_000).toISOString(),
    type: 'grant',
    description: 'Welcome credits',
    amount: 100_000,
    balanceAfter: 100_000,
    website: null,
    purchaseId: null,
  });
  return createCreditsHandlers({ backend: createCreditsBackend({ transactions }) });
};

/**
 * Five websites a page: "Show more websites" lists the next five and the new count is
 * announced (a polite status the button is described by); focus stays on the button, and
 * moves to the first new website when the last page makes the button go.
 */
export const ShowMore: Story = {
  parameters: { msw: { handlers: twelveWebsites() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(usageRows(canvasElement)).toHaveLength(5));
    const status = canvas.getByRole('status');
    await expect(status).toHaveTextContent('Showing 5 websites');
    const button = canvas.getByRole('button', { name: 'Show more websites' });
    await expect(button).toHaveAccessibleDescription('Showing 5 websites');
    await userEvent.click(button);
    await waitFor(() => expect(usageRows(canvasElement)).toHaveLength(10));
    await expect(status).toHaveTextContent('Showing 10 websites');
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'));
    await expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(usageRows(canvasElement)).toHaveLength(12));
    await expect(status).toHaveTextContent('Showing 12 websites');
    await expect(canvas.queryByRole('button', { name: 'Show more websites' })).toBeNull();
    await waitFor(() => expect(usageRows(canvasElement)[10]).toHaveFocus());
    await expect(usageRows(canvasElement)[10]).toHaveTextContent('Website 11');
  },
};
