import { HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { act, screen } from '@testing-library/react';
import { createCreditsClient } from 'credits-core';
import { dehydrateCredits } from 'credits-core/query';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { http } from 'msw';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { BalanceCards, CreditsProvider, loadCreditsLabels } from '../src/index';
import { BASE_URL, listenWithMsw, server, simpleLedger } from './renderWithCredits';

listenWithMsw();

describe('hydration', () => {
  it.each([
    ['with a prefetched cache', true],
    ['from the loading state', false],
  ])('hydrates %s without warnings', async (_, prefetch) => {
    server.use(
      ...createCreditsHandlers({
        baseUrl: BASE_URL,
        backend: createCreditsBackend({ transactions: simpleLedger() }),
      }),
    );
    const client = createCreditsClient({ baseUrl: BASE_URL });
    const state = prefetch
      ? await dehydrateCredits(new QueryClient(), {
          client,
          account: 'a',
          include: { balance: true },
        })
      : undefined;
    const app = (queryClient: QueryClient) => (
      <CreditsProvider
        client={client}
        account="a"
        locale="de-DE"
        timeZone="Europe/Berlin"
        queryClient={queryClient}
      >
        <HydrationBoundary state={state}>
          <BalanceCards />
        </HydrationBoundary>
      </CreditsProvider>
    );
    // The documented order for a translated locale: load its labels on the server and
    // before hydrating, so both renders are German from the first one.
    await loadCreditsLabels('de-DE');
    // The browser's balance request is answered after the check of the hydrated HTML: how long
    // hydration takes (the provider also reads /config for live updates) must not decide it.
    let release = () => {};
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get(`${BASE_URL}/balance`, async () => {
        await answered;
        return undefined;
      }),
    );
    const container = document.createElement('div');
    container.innerHTML = renderToString(app(new QueryClient()));
    document.body.append(container);
    const errors = vi.spyOn(console, 'error');
    await act(async () => {
      hydrateRoot(container, app(new QueryClient()));
    });
    expect(container.textContent).toContain(prefetch ? 'Aktuelles Guthaben' : 'Ihr Guthaben');
    release();
    expect(await screen.findByText('47.500 Credits')).toBeInTheDocument();
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
    container.remove();
  });
});
