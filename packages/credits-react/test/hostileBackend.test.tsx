import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createCreditsHandlers } from 'credits-msw';
import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { BalanceCards, HistoryTable, PaymentMethods, UsageByWebsite } from '../src/index';
import { BASE_URL, listenWithMsw, renderWithCredits, server } from './renderWithCredits';

listenWithMsw();

const dashboard = (
  <>
    <BalanceCards />
    <HistoryTable />
    <UsageByWebsite />
    <PaymentMethods />
  </>
);

const widgetSlots = ['balance-cards', 'history-table', 'usage-by-website', 'payment-methods'];
const widget = (slot: string) => document.querySelector(`[data-slot="${slot}"]`) as HTMLElement;

/** Every widget in its error state: a message a user can act on, and a Retry button. */
async function expectEveryWidgetFailed() {
  for (const slot of widgetSlots) {
    await waitFor(() => expect(`${slot}: ${widget(slot)?.dataset.status}`).toBe(`${slot}: error`));
    const inside = within(widget(slot));
    expect(inside.getByRole('button', { name: 'Retry' })).toBeEnabled();
    expect(widget(slot).textContent).toMatch(/try again|later/i);
  }
}

describe('a hostile backend', () => {
  it.each([
    ['malformed bodies (wrong types, fractional credits, unknown shapes)', 'malformed'],
    ['500s on every request', 'serverError'],
  ] as const)(
    '%s: every widget shows its error with Retry, and Retry recovers',
    async (_case, scenario) => {
      const { backend } = renderWithCredits(dashboard, { scenario });
      await expectEveryWidgetFailed();

      // The backend is fixed: Retry in each widget brings its data back, nothing reloads the page.
      server.resetHandlers(...createCreditsHandlers({ baseUrl: BASE_URL, backend }));
      for (const slot of widgetSlots) {
        await userEvent.click(within(widget(slot)).getByRole('button', { name: 'Retry' }));
        await waitFor(() => expect(widget(slot)).toHaveAttribute('data-status', 'success'));
      }
      expect(screen.getByText('47,500 credits')).toBeInTheDocument();
    },
  );

  it.each([
    [
      'an HTML page with a 200',
      () =>
        new HttpResponse('<html><body>Login</body></html>', {
          headers: { 'Content-Type': 'text/html' },
        }),
    ],
    ['an empty 200', () => new HttpResponse('', { status: 200 })],
    ['a dropped connection', () => HttpResponse.error()],
  ])('one resource answering with %s fails only its own widget', async (_case, answer) => {
    renderWithCredits(dashboard, {
      handlers: [http.get(`${BASE_URL}/transactions`, answer)],
    });
    await waitFor(() => expect(widget('history-table')).toHaveAttribute('data-status', 'error'));
    expect(within(widget('history-table')).getByRole('button', { name: 'Retry' })).toBeEnabled();
    for (const slot of ['balance-cards', 'usage-by-website', 'payment-methods'])
      await waitFor(() => expect(widget(slot)).toHaveAttribute('data-status', 'success'));
    expect(screen.getByText('47,500 credits')).toBeInTheDocument();
  });
});
