import type { Meta, StoryObj } from '@storybook/react-vite';
import type { QueryClient } from '@tanstack/react-query';
import type { Transaction } from 'credits-core';
import { creditsKeys } from 'credits-core/query';
import { createCreditsBackend, createCreditsHandlers, generateTransactions } from 'credits-msw';
import { HistoryTable } from 'credits-react';
import { delay, http } from 'msw';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { withCredits } from '../support/withCredits';

/**
 * Every credit movement, newest first: date, description, signed amount,
 * running balance and the website that spent the credits. Filters run on the
 * server; rows are virtualised; "Export CSV" downloads the current filter.
 */
const meta = {
  title: 'Widgets/HistoryTable',
  component: HistoryTable,
  decorators: [withCredits],
  parameters: { msw: { handlers: createCreditsHandlers() } },
} satisfies Meta<typeof HistoryTable>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .queryAllByRole('row')
    .filter((row) => row.getAttribute('data-slot') === 'history-row');

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5));
    await expect(canvas.getByRole('columnheader', { name: 'Balance' })).toBeVisible();
    await expect(canvas.getByRole('region', { name: 'Transaction history' })).toHaveAttribute(
      'tabindex',
      '0',
    );
  },
};

export const FilterByType: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5));
    await userEvent.selectOptions(canvas.getByLabelText('Type'), 'purchase');
    await waitFor(() =>
      expect(rows(canvasElement).every((row) => row.dataset.type === 'purchase')).toBe(true),
    );
  },
};

export const Loading: Story = {
  parameters: { msw: { handlers: [http.get('*/api/credits/v1/*', () => delay('infinite'))] } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText('Loading transactions…'),
    ).toBeInTheDocument();
  },
};

export const Empty: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'empty' }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/No transactions yet/)).toBeVisible();
  },
};

export const NoMatches: Story = {
  args: { defaultFilters: { search: 'no such thing' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const message = await canvas.findByText('No transactions match these filters.');
    await expect(message).toBeVisible();
    // One "Clear filters", in the message a user reads first (not a second in the filters).
    const clear = canvas.getAllByRole('button', { name: 'Clear filters' });
    await expect(clear).toHaveLength(1);
    await expect(message.parentElement).toContainElement(clear[0] as HTMLElement);
    await userEvent.click(clear[0] as HTMLElement);
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5));
  },
};

export const ServerError: Story = {
  parameters: { msw: { handlers: createCreditsHandlers({ scenario: 'serverError' }) } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'The server had a problem',
    );
  },
};

const hostileRows = (): Transaction[] => {
  const base = { type: 'usage' as const, purchaseId: null, createdAt: '2026-11-24T10:00:00Z' };
  return [
    {
      ...base,
      id: 'h3',
      description: '=HYPERLINK("http://evil.example","Click")',
      amount: -10,
      balanceAfter: 9_970,
      website: { id: 'w3', name: 'Formula site', url: 'https://formula.example' },
    },
    {
      ...base,
      id: 'h2',
      description: '<img src=x onerror=alert(1)><b>Bold?</b>',
      amount: -10,
      balanceAfter: 9_980,
      website: { id: 'w2', name: 'Data URL site', url: 'data:text/html,<script>alert(1)</script>' },
    },
    {
      ...base,
      id: 'h1',
      description: 'Website generation',
      amount: -10,
      balanceAfter: 9_990,
      website: { id: 'w1', name: 'Script URL site', url: ' JaVaScRiPt:alert(document.cookie)' },
    },
    {
      ...base,
      id: 'h0',
      type: 'grant',
      description: 'Welcome credits',
      amount: 10_000,
      balanceAfter: 10_000,
      website: null,
    },
  ];
};

export const HostileData: Story = {
  parameters: {
    msw: {
      handlers: createCreditsHandlers({
        backend: createCreditsBackend({ transactions: hostileRows() }),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const table = within(await within(canvasElement).findByRole('table'));
    await expect(await table.findByText('<img src=x onerror=alert(1)><b>Bold?</b>')).toBeVisible();
    await expect(canvasElement.querySelector('table img, table b')).toBeNull();
    await expect(table.getByText('Script URL site').closest('a')).toBeNull();
    await expect(table.getByText('Data URL site').closest('a')).toBeNull();
    await expect(table.getByText('Formula site').closest('a')).toHaveAttribute(
      'href',
      'https://formula.example/',
    );
  },
};

const HUGE = 100_000;
const hugeBackend = createCreditsBackend({
  transactions: generateTransactions({ count: HUGE, seed: 11 }),
});

/** 100,000 transactions loaded straight into the cache; the DOM holds only the visible rows. */
export const HugeHistory: Story = {
  parameters: {
    msw: { handlers: createCreditsHandlers({ backend: hugeBackend }) },
    creditsCache: (queryClient: QueryClient, account: string) => {
      queryClient.setQueryData(
        creditsKeys.transactionList(account, { limit: 100 }),
        hugeBackend.transactionPages({ limit: 100 }),
      );
    },
  },
  args: { pageSize: 100 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Showing 100,000 transactions')).toBeVisible();
    await expect(canvas.getByRole('table')).toHaveAttribute('aria-rowcount', String(HUGE + 1));
    await expect(rows(canvasElement).length).toBeLessThan(60);
    const region = canvas.getByRole('region', { name: 'Transaction history' });
    region.scrollTop = region.scrollHeight;
    await waitFor(() =>
      expect(rows(canvasElement).at(-1)).toHaveAttribute('aria-rowindex', String(HUGE + 1)),
    );
    await expect(rows(canvasElement).length).toBeLessThan(60);
  },
};

export const Composed: Story = {
  render: (args) => (
    <HistoryTable {...args}>
      <HistoryTable.Table height="16rem" />
    </HistoryTable>
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(3));
    await expect(within(canvasElement).queryByLabelText('Type')).toBeNull();
  },
};

export const Dark: Story = { globals: { creditsTheme: 'dark' } };
export const German: Story = {
  globals: { locale: 'de-DE' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // German words, a German plural, and date filters that do not say "mm/dd/yyyy".
    await expect(await canvas.findByText('Buchungsverlauf')).toBeInTheDocument();
    await expect(await canvas.findByText(/^[\d.]+ Buchungen angezeigt$/)).toBeVisible();
    const days = canvasElement.querySelectorAll('[data-slot="date-filter-value"]');
    await expect([...days].map((day) => day.textContent)).toEqual(['Beliebig', 'Beliebig']);
  },
};
export const Japanese: Story = { globals: { locale: 'ja-JP' } };
export const ArabicRightToLeft: Story = {
  globals: { locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('سجل المعاملات')).toBeInTheDocument();
    await expect(canvasElement.querySelector('[data-slot="history-table"]')).toHaveAttribute(
      'dir',
      'rtl',
    );
    await expect(canvas.getByRole('searchbox')).toHaveAttribute('placeholder', 'الوصف أو الموقع');
  },
};

export const Narrow320: Story = {
  decorators: [
    (Story) => (
      <div style={{ width: 320 }}>
        <Story />
      </div>
    ),
  ],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(3));
    const region = within(canvasElement).getByRole('region', { name: 'Transaction history' });
    await expect(region.clientWidth).toBeLessThanOrEqual(320);
  },
};

/**
 * The rows the Server API writes, made by credits-msw's own rules on a clock of its own: a
 * grant, a promotion expiring on 20 Nov, a hold captured and a negative adjustment (both spent
 * from the promotion first, as it expires soonest), a positive adjustment, and the promotion's
 * expiry for what was left of it (2,000 − 1,250 − 100 = 650).
 */
function serverApiHistory() {
  let clock = Date.parse('2026-11-02T09:00:00Z');
  const backend = createCreditsBackend({
    transactions: [],
    paymentMethods: [],
    now: () => new Date(clock),
  });
  const { server } = backend;
  const account = server.accountId;
  let keys = 0;
  const key = () => `story-${++keys}`;
  const later = (days: number) => {
    clock += days * 86_400_000;
  };
  const ready = (async () => {
    await server.grant(account, { credits: 1_000, reason: 'Welcome credits' }, key());
    later(1);
    await server.grant(
      account,
      { credits: 2_000, reason: 'Black Friday promotion', expiresAt: '2026-11-20T00:00:00Z' },
      key(),
    );
    later(2);
    const held = await server.createHold(
      account,
      {
        credits: 1_500,
        description: 'Website generation',
        expiresAt: new Date(clock + 3_600_000).toISOString(),
        websiteId: 'web_acme',
        websiteName: 'acme.example',
      },
      key(),
    );
    server.captureHold(account, (held.body as { id: string }).id, { credits: 1_250 });
    later(3);
    await server.adjust(account, { credits: 300, reason: 'Refund: generation failed' }, key());
    later(2);
    await server.adjust(
      account,
      { credits: -100, reason: 'Correction: welcome credits granted twice' },
      key(),
    );
    // Past the promotion's expiry: reading the balance posts its expiry row (650 were left).
    clock = Date.parse('2026-11-25T08:00:00Z');
    server.balance(account);
  })();
  return { handlers: createCreditsHandlers({ backend }), ready };
}

/** Grants, a capture, adjustments and an expiry, each with its reason. */
const history = serverApiHistory();
export const ServerApiRows: Story = {
  parameters: { msw: { handlers: history.handlers } },
  loaders: [() => history.ready],
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(6));
    const shown = rows(canvasElement).map((row) => [
      row.dataset.type,
      row.querySelector('[data-column="description"] span')?.textContent,
    ]);
    await expect(shown).toEqual([
      ['expiry', 'Expired: Black Friday promotion'],
      ['adjustment', 'Correction: welcome credits granted twice'],
      ['adjustment', 'Refund: generation failed'],
      ['usage', 'Website generation'],
      ['grant', 'Black Friday promotion'],
      ['grant', 'Welcome credits'],
    ]);
    const expiry = within(rows(canvasElement)[0] as HTMLElement);
    await expect(expiry.getByText('Expiry')).toBeVisible();
    await expect(expiry.getByText('−650')).toBeVisible();
  },
};

/** The same rows in Arabic, right to left. */
export const ServerApiRowsArabic: Story = {
  ...ServerApiRows,
  globals: { locale: 'ar-EG' },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('سجل المعاملات')).toBeInTheDocument();
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(6));
    await expect(canvasElement.querySelector('[data-slot="history-table"]')).toHaveAttribute(
      'dir',
      'rtl',
    );
    // Backend text stays as sent, isolated in the right-to-left table.
    await expect(within(canvasElement).getByText('Expired: Black Friday promotion')).toBeVisible();
  },
};
