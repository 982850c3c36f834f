import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createCreditsClient } from 'credits-core';
import { creditsKeys } from 'credits-core/query';
import { createCreditsHandlers } from 'credits-msw';
import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { BalanceCards, CreditsProvider, PaymentMethods, useBalance } from '../src/index';
import {
  BASE_URL,
  listenWithMsw,
  renderWithCredits,
  requests,
  server,
  simpleLedger,
} from './renderWithCredits';

listenWithMsw();

function Available() {
  const { data } = useBalance();
  return <p>Hook says {data?.available}</p>;
}

function Orphan() {
  useBalance();
  return null;
}

const card = (name: string) =>
  screen.getByText(name).closest('[data-slot="balance-card"]') as HTMLElement;

describe('<BalanceCards>', () => {
  it('shows current balance and used credits with their share, after a loading state', async () => {
    const { container } = renderWithCredits(<BalanceCards />);
    const root = container.querySelector('[data-slot="balance-cards"]');
    expect(root).toHaveAttribute('data-status', 'loading');
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByText('Loading your credit balance…')).toBeInTheDocument();

    expect(await screen.findByText('47,500 credits')).toBeInTheDocument();
    expect(root).toHaveAttribute('data-status', 'success');
    expect(within(card('Current balance')).getByText('of 60,000 total')).toBeInTheDocument();
    expect(within(card('Used credits')).getByText('12,500 credits')).toBeInTheDocument();
    const bar = screen.getByRole('progressbar', { name: 'Share of credits used' });
    expect(bar).toHaveAttribute('aria-valuenow', '20.8');
    expect(bar).toHaveAttribute('aria-valuetext', '20.8% of your credits used');
    expect(screen.getByText('20.8% of your credits used')).toBeInTheDocument();
    expect(screen.queryByText('Expiring soon')).not.toBeInTheDocument();
  });

  it('never shows a blank: a new account reads "0 credits" and 0% used', async () => {
    renderWithCredits(<BalanceCards />, { scenario: 'empty', backend: { transactions: [] } });
    expect(await screen.findAllByText('0 credits')).toHaveLength(2);
    expect(screen.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '0');
    expect(screen.getByText('0% of your credits used')).toBeInTheDocument();
    // Never funded is not "low": a first step instead of a warning.
    expect(screen.getByText('You have no credits yet.')).toBeVisible();
    expect(screen.queryByText('Your credit balance is low.')).not.toBeInTheDocument();
    expect(document.querySelector('[data-slot="balance-notice"]')).toHaveAttribute(
      'data-state',
      'empty',
    );
  });

  it('offers Add credits in every state once the host passes it, with no warning when all is well', async () => {
    const onAddCredits = vi.fn();
    renderWithCredits(<BalanceCards onAddCredits={onAddCredits} lowBalanceThreshold={0} />);
    await screen.findByText('47,500 credits');
    expect(document.querySelector('[data-slot="balance-notice"]')).toHaveAttribute(
      'data-state',
      'ok',
    );
    expect(screen.queryByText('Your credit balance is low.')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Add credits' }));
    expect(onAddCredits).toHaveBeenCalledTimes(1);
  });

  it('offers Add credits while the balance loads, and focus on it stays when the balance arrives', async () => {
    const onAddCredits = vi.fn();
    renderWithCredits(<BalanceCards onAddCredits={onAddCredits} />);
    const button = screen.getByRole('button', { name: 'Add credits' });
    expect(screen.getByText('Loading your credit balance…')).toBeInTheDocument();
    button.focus();
    await screen.findByText('47,500 credits');
    // The same element, still focused: nothing moved under the user's keyboard.
    expect(screen.getByRole('button', { name: 'Add credits' })).toBe(button);
    expect(button).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(onAddCredits).toHaveBeenCalledTimes(1);
  });

  it('uses the singular for one credit', async () => {
    const ledger = simpleLedger().map((row) => ({ ...row }));
    ledger[0] = { ...ledger[0]!, amount: -59_999, balanceAfter: 1 };
    renderWithCredits(<BalanceCards />, {
      backend: { transactions: ledger, lowBalanceThreshold: null },
    });
    expect(await screen.findByText('1 credit')).toBeInTheDocument();
  });

  it('warns about a low balance and offers to add credits', async () => {
    const onAddCredits = vi.fn();
    renderWithCredits(<BalanceCards onAddCredits={onAddCredits} lowBalanceThreshold={50_000} />);
    expect(await screen.findByText('Your credit balance is low.')).toBeInTheDocument();
    expect(document.querySelector('[data-slot="balance-notice"]')).toHaveAttribute(
      'data-state',
      'low',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Add credits' }));
    expect(onAddCredits).toHaveBeenCalledTimes(1);
  });

  it('uses the backend’s threshold when no prop is given', async () => {
    renderWithCredits(<BalanceCards />, { backend: { lowBalanceThreshold: 50_000 } });
    expect(await screen.findByText('Your credit balance is low.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add credits' })).not.toBeInTheDocument();
  });

  it('adds an "Expiring soon" card when grants expire', async () => {
    renderWithCredits(<BalanceCards />, {
      backend: {
        expiring: [
          { amount: 500, expiresAt: '2027-01-15T00:00:00Z' },
          { amount: 2_000, expiresAt: '2026-12-01T00:00:00Z' },
        ],
        // The fake lapses lots as its clock passes them: a clock before both expiries.
        now: () => new Date('2026-11-24T12:00:00Z'),
      },
    });
    const expiring = await screen.findByText('Expiring soon');
    const body = within(expiring.closest('[data-slot="balance-card"]') as HTMLElement);
    expect(body.getByText('2,500 credits')).toBeInTheDocument();
    expect(body.getByText('2,000 credits expire on Dec 1, 2026')).toBeInTheDocument();
  });

  it('shows credits a running job holds under the current balance, and nothing when none are held', async () => {
    const { createCreditsBackend } = await import('credits-msw');
    const backend = createCreditsBackend({ transactions: simpleLedger(), lowBalanceThreshold: 0 });
    const { total, used } = backend.balance().body as { total: number; used: number };
    await backend.server.createHold(
      backend.server.accountId,
      { credits: 1_500, description: 'Website generation', expiresAt: '2099-01-01T00:00:00Z' },
      'hold-1',
    );
    renderWithCredits(<BalanceCards />, { backend });
    const held = await screen.findByText('1,500 credits held for running jobs');
    const balanceCard = held.closest('[data-slot="balance-card"]') as HTMLElement;
    // The current balance is what can be spent: the held credits are out of it.
    expect(
      within(balanceCard).getByText(`${(total - used - 1_500).toLocaleString('en-US')} credits`),
    ).toBeInTheDocument();
  });

  it('shows no held line when nothing is held', async () => {
    renderWithCredits(<BalanceCards />);
    await screen.findByText('Current balance');
    expect(screen.queryByText(/held for running jobs/)).toBeNull();
    expect(document.querySelector('[data-slot="balance-held"]')).toBeNull();
  });

  it('shows an actionable error with Retry, and recovers', async () => {
    const unavailable = http.get(
      `${BASE_URL}/balance`,
      () =>
        HttpResponse.json(
          { title: 'Down', status: 503, code: 'service_unavailable' },
          { status: 503 },
        ),
      { once: true },
    );
    const { container } = renderWithCredits(<BalanceCards />, { handlers: [unavailable] });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The service is temporarily unavailable. Please try again.');
    expect(container.querySelector('[data-slot="balance-cards"]')).toHaveAttribute(
      'data-status',
      'error',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('47,500 credits')).toBeInTheDocument();
  });

  it('treats a malformed balance as an error, never as numbers', async () => {
    renderWithCredits(<BalanceCards />, { scenario: 'malformed' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The server sent an answer we don’t understand',
    );
    expect(screen.queryByText(/NaN|undefined/)).not.toBeInTheDocument();
  });

  it('tells a signed-out user why', async () => {
    renderWithCredits(<BalanceCards />, { scenario: 'unauthenticated' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your session has ended. Sign in again',
    );
  });

  it('formats and words for the locale', async () => {
    renderWithCredits(<BalanceCards />, { provider: { locale: 'de-DE' } });
    expect(await screen.findByText('47.500 Credits')).toBeInTheDocument();
    expect(screen.getByText('20,8 % Ihrer Credits verbraucht')).toBeInTheDocument();
  });

  it('formats and words for Japanese', async () => {
    renderWithCredits(<BalanceCards notation="compact" />, { provider: { locale: 'ja-JP' } });
    expect(await screen.findByText('4.8万 クレジット')).toBeInTheDocument();
    expect(screen.getByText('クレジットの 20.8% を使用済み')).toBeInTheDocument();
  });

  it('writes compact numbers while screen readers get the full number', async () => {
    renderWithCredits(<BalanceCards notation="compact" />);
    expect(await screen.findByText('47.5K credits')).toHaveAttribute('aria-hidden', 'true');
    expect(screen.getByText('47,500 credits')).toHaveClass('cr:sr-only');
  });

  it('lets every string be overridden, with plurals', async () => {
    renderWithCredits(<BalanceCards />, {
      provider: {
        locale: 'de-DE',
        labels: {
          currentBalance: 'Aktuelles Guthaben',
          credits: ({ formatted, plural }) =>
            `${formatted} ${plural === 'one' ? 'Credit' : 'Credits'}`,
        },
      },
    });
    expect(await screen.findByText('Aktuelles Guthaben')).toBeInTheDocument();
    expect(screen.getByText('47.500 Credits')).toBeInTheDocument();
  });

  it('announces balance changes politely, not the first load', async () => {
    const { backend, queryClient } = renderWithCredits(<BalanceCards />);
    await screen.findByText('47,500 credits');
    const announcer = document.querySelector('[data-slot="balance-announcer"]');
    expect(announcer).toHaveAttribute('aria-live', 'polite');
    expect(announcer).toHaveTextContent('');
    backend.spend({ credits: 2_500, description: 'Website generation' });
    await queryClient.invalidateQueries();
    await waitFor(() =>
      expect(announcer).toHaveTextContent('Balance updated: 45,000 credits available.'),
    );
  });

  it('carries theme, direction and language on its root', async () => {
    const { container } = renderWithCredits(<BalanceCards className="host-class" />, {
      provider: { theme: 'dark', locale: 'ar-EG' },
    });
    // Arabic words are loaded first: the widget appears with them.
    const root = await waitFor(() => {
      const found = container.querySelector('[data-slot="balance-cards"]');
      expect(found).not.toBeNull();
      return found;
    });
    expect(root).toHaveAttribute('data-credits-theme', 'dark');
    expect(root).toHaveAttribute('dir', 'rtl');
    expect(root).toHaveAttribute('lang', 'ar-EG');
    expect(root?.className.endsWith('host-class')).toBe(true);
  });
});

describe('CreditsProvider and hooks', () => {
  it('several widgets share one request per resource', async () => {
    renderWithCredits(
      <>
        <BalanceCards />
        <BalanceCards />
        <Available />
      </>,
    );
    expect(await screen.findByText('Hook says 47500')).toBeInTheDocument();
    expect(requests.get('GET /balance')).toBe(1);
  });

  it('a hook outside the provider names itself and the provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() =>
      render(
        <QueryClientProvider client={new QueryClient()}>
          <Orphan />
        </QueryClientProvider>,
      ),
    ).toThrow('useBalance() must be used inside <CreditsProvider>');
    vi.mocked(console.error).mockRestore();
  });

  it('works inside the host’s own QueryClientProvider, and creates one when there is none', async () => {
    server.use(...createCreditsHandlers({ baseUrl: BASE_URL }));
    const client = createCreditsClient({ baseUrl: BASE_URL });
    const hostClient = new QueryClient();
    const { unmount } = render(
      <QueryClientProvider client={hostClient}>
        <CreditsProvider client={client} account="a" locale="en-US">
          <BalanceCards />
        </CreditsProvider>
      </QueryClientProvider>,
    );
    await screen.findByText('Current balance');
    expect(hostClient.getQueryData(creditsKeys.balance('a'))).toBeDefined();
    unmount();
    render(
      <CreditsProvider client={client} account="a" locale="en-US">
        <BalanceCards />
      </CreditsProvider>,
    );
    expect(await screen.findByText('Current balance')).toBeInTheDocument();
  });

  it('forgets the previous account’s data when the account changes', async () => {
    const { queryClient, rerenderWith } = renderWithCredits(<BalanceCards />, {
      provider: { account: 'alice' },
    });
    await screen.findByText('47,500 credits');
    expect(queryClient.getQueryData(creditsKeys.balance('alice'))).toBeDefined();
    rerenderWith({ account: 'bob' });
    await waitFor(() =>
      expect(queryClient.getQueryData(creditsKeys.balance('alice'))).toBeUndefined(),
    );
    await waitFor(() => expect(queryClient.getQueryData(creditsKeys.balance('bob'))).toBeDefined());
  });
});

describe('error boundaries', () => {
  it('a widget that fails to render shows its own error and leaves its neighbours working', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    renderWithCredits(
      <>
        <BalanceCards />
        <PaymentMethods />
      </>,
      {
        provider: {
          labels: {
            cardName: () => {
              throw new Error('a host label that throws');
            },
          },
        },
      },
    );
    expect(await screen.findByText('47,500 credits')).toBeInTheDocument();
    const failed = await waitFor(() => {
      const element = document.querySelector('[data-slot="payment-methods"][data-status="error"]');
      expect(element).not.toBeNull();
      return element as HTMLElement;
    });
    expect(within(failed).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
    expect(screen.getByText('47,500 credits')).toBeInTheDocument();
    errors.mockRestore();
  });
});
