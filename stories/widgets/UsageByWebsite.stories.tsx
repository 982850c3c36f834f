import type { Meta, StoryObj } from '@storybook/react-vite';
import { createCreditsBackend, createCreditsHandlers, generateTransactions } from 'credits-msw';
import { UsageByWebsite } from 'credits-react';
import { expect, waitFor, within } from 'storybook/test';
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

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await waitFor(() =>
      expect(within(canvasElement).getAllByRole('listitem').length).toBeGreaterThan(1),
    );
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

export const Dark: Story = { globals: { creditsTheme: 'dark' } };
