import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { BalanceCards } from '../src/index';
import { listenWithMsw, renderWithCredits, requests } from './renderWithCredits';

listenWithMsw();

const announcer = () => document.querySelector('[data-slot="balance-announcer"]');
const availableCard = () => document.querySelector('[data-variant="available"]');
const spendElsewhere = (
  backend: { spend(input: { credits: number; description: string }): unknown },
  credits: number,
) => backend.spend({ credits, description: 'Website generation (another tab)' });

describe('live balance (CreditsProvider live, credits-msw streaming)', () => {
  it('credits spent elsewhere show and are announced politely, with no refetch', async () => {
    const { backend } = renderWithCredits(<BalanceCards />, { scenario: 'live' });
    await screen.findAllByText('47,500 credits');
    await waitFor(() => expect(requests.get('GET /events')).toBe(1));
    expect(announcer()?.textContent).toBe('');
    spendElsewhere(backend, 500);
    await waitFor(() => expect(availableCard()?.textContent).toContain('47,000 credits'));
    expect(announcer()?.getAttribute('aria-live')).toBe('polite');
    expect(announcer()?.textContent).toContain('47,000');
    expect(requests.get('GET /balance')).toBe(1);
  });

  it('live={false}: no stream, and a change elsewhere waits for a refetch', async () => {
    const { backend } = renderWithCredits(<BalanceCards />, {
      scenario: 'live',
      provider: { live: false },
    });
    await screen.findAllByText('47,500 credits');
    spendElsewhere(backend, 500);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(availableCard()?.textContent).toContain('47,500 credits');
    expect(requests.get('GET /events')).toBeUndefined();
    expect(requests.get('GET /config')).toBeUndefined();
  });

  it('a gap in the stream (a row left out) refetches once and shows the true balance', async () => {
    const { backend } = renderWithCredits(<BalanceCards />, { scenario: 'liveGap' });
    await screen.findAllByText('47,500 credits');
    await waitFor(() => expect(requests.get('GET /events')).toBe(1));
    spendElsewhere(backend, 500);
    // Its row was left out; its balance event still arrives.
    await waitFor(() => expect(availableCard()?.textContent).toContain('47,000 credits'));
    expect(requests.get('GET /balance')).toBe(1);
    spendElsewhere(backend, 250);
    await waitFor(() => expect(availableCard()?.textContent).toContain('46,750 credits'));
    await waitFor(() => expect(requests.get('GET /balance')).toBe(2));
  });

  it('a stream that drops mid-way resumes (Last-Event-ID) and keeps the balance current', async () => {
    const { backend } = renderWithCredits(<BalanceCards />, { scenario: 'liveDropMidStream' });
    await screen.findAllByText('47,500 credits');
    await waitFor(() => expect(requests.get('GET /events')).toBe(1));
    spendElsewhere(backend, 500);
    await waitFor(() => expect(availableCard()?.textContent).toContain('47,000 credits'));
    await waitFor(() => expect(requests.get('GET /events')).toBe(2), { timeout: 5_000 });
    spendElsewhere(backend, 1_000);
    await waitFor(() => expect(availableCard()?.textContent).toContain('46,000 credits'));
    expect(requests.get('GET /balance')).toBe(1);
  });

  it('no stream although /config offers one: polls on the interval instead', async () => {
    const { backend } = renderWithCredits(<BalanceCards />, {
      scenario: 'liveNoStream',
      provider: { live: { poll: { intervalMs: 300 } } },
    });
    await screen.findAllByText('47,500 credits');
    await waitFor(() => expect(requests.get('GET /events')).toBe(1));
    spendElsewhere(backend, 500);
    await waitFor(() => expect(availableCard()?.textContent).toContain('47,000 credits'), {
      timeout: 3_000,
    });
    expect(requests.get('GET /balance')).toBeGreaterThanOrEqual(2);
  });
});
