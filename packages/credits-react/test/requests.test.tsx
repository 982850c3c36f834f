import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AddCreditsDialog,
  BalanceCards,
  HistoryTable,
  PaymentMethods,
  UsageByWebsite,
} from '../src/index';
import { listenWithMsw, renderWithCredits, requests } from './renderWithCredits';

listenWithMsw();

// jsdom has no layout: give the history's scroll area a size so rows render.
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get: () => 448,
  });
});
afterAll(() => {
  delete (HTMLElement.prototype as unknown as Record<string, unknown>).clientHeight;
});

function dashboard() {
  return (
    <>
      <AddCreditsDialog>
        <BalanceCards
          addCreditsAction={<AddCreditsDialog.Trigger />}
          lowBalanceThreshold={10_000_000}
        />
      </AddCreditsDialog>
      <PaymentMethods />
      <UsageByWebsite />
      <HistoryTable />
    </>
  );
}

const counts = () => Object.fromEntries([...requests.entries()].sort());

describe('request economy', () => {
  it('all widgets mounted: one request per resource, config once (does the backend stream events?) and no packages until the dialog is wanted', async () => {
    renderWithCredits(dashboard());
    await screen.findAllByText('47,500 credits');
    await screen.findByText('Visa •••• 4242');
    await screen.findByText('Usage by website', { exact: false });
    await waitFor(() => expect(requests.get('GET /transactions')).toBe(1));
    await waitFor(() => expect(requests.get('GET /config')).toBe(1));
    expect(counts()).toEqual({
      'GET /balance': 1,
      'GET /config': 1,
      'GET /payment-methods': 1,
      'GET /transactions': 1,
      'GET /usage/websites': 1,
    });
  });

  it('live={false}: no config until the dialog is wanted', async () => {
    renderWithCredits(dashboard(), { provider: { live: false } });
    await screen.findAllByText('47,500 credits');
    await screen.findByText('Visa •••• 4242');
    await waitFor(() => expect(requests.get('GET /transactions')).toBe(1));
    expect(counts()).toEqual({
      'GET /balance': 1,
      'GET /payment-methods': 1,
      'GET /transactions': 1,
      'GET /usage/websites': 1,
    });
  });

  it('a purchase shows the new balance with no extra request, then revalidates at most once per resource', async () => {
    const { queryClient } = renderWithCredits(dashboard());
    await screen.findAllByText('47,500 credits');
    await screen.findByText('Visa •••• 4242');
    await screen.findByText('Usage by website', { exact: false });
    await waitFor(() => expect(requests.get('GET /transactions')).toBe(1));
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    await waitFor(() => expect(requests.get('GET /config')).toBe(1));
    const shown = {
      'GET /balance': 1,
      'GET /config': 1,
      'GET /transactions': 1,
      'GET /payment-methods': 1,
      'GET /usage/websites': 1,
    };
    expect(counts()).toEqual(shown);
    await userEvent.click(screen.getAllByRole('button', { name: 'Add credits' })[0]!);
    const dialog = within(await screen.findByRole('dialog', { name: 'Add credits' }));
    const pay = await dialog.findByRole('button', { name: 'Pay $10.00' });
    await waitFor(() => expect(pay).toBeEnabled());
    // Opening the dialog may refetch what it shows (this QueryClient has no staleTime):
    // the purchase is measured from here.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const before = counts();
    await userEvent.click(pay);
    await dialog.findByText('+10,000 credits added');
    // The balance comes from the purchase itself.
    expect(
      within(document.querySelector('[data-variant="available"]') as HTMLElement).getByText(
        '57,500 credits',
      ),
    ).toBeTruthy();
    expect(requests.get('GET /balance')).toBe(1);
    // Counted once every revalidation the purchase started has finished.
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    const after = counts();
    for (const resource of Object.keys(shown)) {
      expect((after[resource] ?? 0) - (before[resource] ?? 0), resource).toBeLessThanOrEqual(1);
    }
    expect(after['GET /balance']).toBe(1);
    expect(after['GET /packages']).toBe(1);
    expect(after['POST /purchases']).toBe(1);
  });
});
