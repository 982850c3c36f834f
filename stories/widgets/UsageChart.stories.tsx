import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Transaction, Website } from 'credits-core';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { UsageChart } from 'credits-react/usage-chart';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { expectLoading } from '../support/loading';
import { serverErrorThenRecovery } from '../support/serverErrorThenRecovery';
import { withCredits } from '../support/withCredits';

const NOW = new Date('2026-11-24T12:00:00Z');
/** A fixed fortnight, so every total and bar is known in each locale. */
const PERIOD = { preset: 'custom' as const, fromDay: '2026-11-11', toDay: '2026-11-24' };

const site = (index: number): Website => ({
  id: `web_${index}`,
  name: index === 0 ? 'Bakery Bliss' : index === 1 ? '東京ラーメン' : `Website ${index + 1}`,
  url: null,
});

/** Usage on `websites` websites every day of the fortnight, a purchase on the 15th and the 21st. */
function ledger(websites: number): Transaction[] {
  const rows: Omit<Transaction, 'balanceAfter'>[] = [
    {
      id: 'grant',
      createdAt: '2026-11-01T09:00:00Z',
      type: 'grant',
      description: 'Welcome credits',
      amount: 200_000,
      website: null,
      purchaseId: null,
    },
  ];
  for (let day = 11; day <= 24; day += 1) {
    const date = `2026-11-${day}`;
    if (day === 15 || day === 21)
      rows.push({
        id: `purchase_${day}`,
        createdAt: `${date}T08:00:00Z`,
        type: 'purchase',
        description: 'Starter package',
        amount: 10_000,
        website: null,
        purchaseId: `pur_${day}`,
      });
    for (let w = 0; w < websites; w += 1)
      rows.push({
        id: `use_${day}_${w}`,
        createdAt: `${date}T${String(10 + (w % 10)).padStart(2, '0')}:00:00Z`,
        type: 'usage',
        description: 'Website generation',
        amount: -(((day * 37 + w * 53) % 400) + 100 + (w === 0 ? 600 : 0)),
        website: site(w),
        purchaseId: null,
      });
  }
  let balance = 0;
  return rows
    .map((row) => {
      balance += row.amount;
      return { ...row, balanceAfter: balance };
    })
    .reverse();
}

const handlers = (websites: number) =>
  createCreditsHandlers({
    backend: createCreditsBackend({ transactions: ledger(websites), now: () => NOW }),
  });

/** Credits used per day, stacked by website, with purchases marked. */
const meta = {
  title: 'Widgets/UsageChart',
  component: UsageChart,
  decorators: [withCredits],
  args: { defaultPeriod: PERIOD },
  parameters: { msw: { handlers: handlers(3) } },
} satisfies Meta<typeof UsageChart>;

export default meta;
type Story = StoryObj<typeof meta>;

const bars = (canvasElement: HTMLElement) =>
  canvasElement.querySelectorAll('[data-slot="usage-chart-bar"]');

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
    await expect(canvas.getByRole('button', { name: 'Bakery Bliss' })).toBeVisible();
    await expect(canvasElement.querySelectorAll('[data-slot="usage-chart-purchase"]')).toHaveLength(
      2,
    );
    await expect(
      canvas.getByText(/used in this period\. Most used by Bakery Bliss\./),
    ).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: {
    msw: { handlers: [http.get('*/api/credits/v1/usage/series', async () => delay('infinite'))] },
  },
  play: async ({ canvasElement }) => {
    await expect(await expectLoading(canvasElement, 'Loading usage over time…')).toBeVisible();
  },
};

export const Empty: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'empty' }) } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('No credits used in this period.'),
    ).toBeVisible();
  },
};

export const OneWebsite: Story = {
  parameters: { msw: { handlers: handlers(1) } },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
    await expect(within(canvasElement).getAllByRole('listitem')).toHaveLength(2);
  },
};

export const TwentyWebsites: Story = {
  parameters: { msw: { handlers: handlers(20) } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
    // The top five have their own colour; the other fifteen are one "Other websites" series.
    await expect(canvas.getByRole('button', { name: 'Other websites' })).toBeVisible();
  },
};

/** The server fails once; Retry asks again and the chart appears. */
const serverDown = serverErrorThenRecovery('/usage/series', handlers(3));

export const ServerError: Story = {
  ...serverDown.story,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('The server had a problem.');
    serverDown.recover();
    await userEvent.click(canvas.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
  },
};

export const KeyboardAndTable: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
    (bars(canvasElement)[0] as SVGGElement).focus();
    await userEvent.keyboard('{End}');
    await expect(document.activeElement).toHaveAccessibleName(/^Nov 24, 2026: .* credits used/);
    await userEvent.click(canvas.getByRole('button', { name: 'Show as table' }));
    await expect(canvas.getByRole('table')).toBeVisible();
  },
};

export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
    await expect(within(canvasElement).getByText(/Credits verbraucht$/)).toBeVisible();
    // The custom days read as German writes them, not as the browser's own date field would.
    await expect(within(canvasElement).getByText('11.11.2026')).toBeVisible();
    await expect(within(canvasElement).getByText('24.11.2026')).toBeVisible();
  },
};

export const Japanese: Story = {
  globals: { locale: 'ja-JP' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
    await expect(within(canvasElement).getByText(/クレジット使用$/)).toBeVisible();
  },
};

export const ArabicRightToLeft: Story = {
  globals: { locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
    const root = canvasElement.querySelector('[data-slot="usage-chart"]') as HTMLElement;
    await expect(root).toHaveAttribute('dir', 'rtl');
    // The chart is mirrored: the first day is on the right.
    const first = (bars(canvasElement)[0] as SVGGElement).getBoundingClientRect();
    const last = (bars(canvasElement)[13] as SVGGElement).getBoundingClientRect();
    await expect(first.left).toBeGreaterThan(last.left);
  },
};

export const Dark: Story = {
  globals: { creditsTheme: 'dark' },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
  },
};

export const Narrow: Story = {
  decorators: [(Story) => <div style={{ width: 320 }}>{<Story />}</div>],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(bars(canvasElement)).toHaveLength(14));
    const root = canvasElement.querySelector('[data-slot="usage-chart"]') as HTMLElement;
    await expect(root.scrollWidth).toBeLessThanOrEqual(root.clientWidth + 1);
    // The legend is compact: two short entries to a row, not one tall button per line.
    const entries = within(
      canvasElement.querySelector('[data-slot="usage-chart-legend"]') as HTMLElement,
    )
      .getAllByRole('button')
      .map((button) => button.getBoundingClientRect());
    await expect(entries[1]?.top).toBe(entries[0]?.top);
    for (const entry of entries) await expect(entry.height).toBeLessThanOrEqual(33);
  },
};
