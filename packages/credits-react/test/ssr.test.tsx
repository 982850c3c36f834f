// @vitest-environment node
import { HydrationBoundary, QueryClient } from '@tanstack/react-query';
import { createCreditsClient } from 'credits-core';
import { dehydrateCredits } from 'credits-core/query';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { setupServer } from 'msw/node';
import { renderToString } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalanceCards, CreditsProvider } from '../src/index';
import { simpleLedger } from './renderWithCredits';

const BASE = 'http://credits.test/api/credits/v1';
const server = setupServer(
  ...createCreditsHandlers({
    baseUrl: BASE,
    backend: createCreditsBackend({ transactions: simpleLedger() }),
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('server rendering', () => {
  it('runs without window', () => {
    expect(typeof window).toBe('undefined');
  });

  it('with a prefetched cache, the HTML contains the balance', async () => {
    const client = createCreditsClient({ baseUrl: BASE });
    const state = await dehydrateCredits(new QueryClient(), {
      client,
      account: 'a',
      include: { balance: true },
    });
    const html = renderToString(
      <CreditsProvider
        client={client}
        account="a"
        locale="en-US"
        timeZone="UTC"
        queryClient={new QueryClient()}
      >
        <HydrationBoundary state={state}>
          <BalanceCards />
        </HydrationBoundary>
      </CreditsProvider>,
    );
    expect(html).toContain('47,500 credits');
    expect(html).toContain('data-status="success"');
  });

  it('without one, it renders the loading state', () => {
    const client = createCreditsClient({ baseUrl: BASE });
    const html = renderToString(
      <CreditsProvider client={client} account="a" locale="en-US">
        <BalanceCards />
      </CreditsProvider>,
    );
    expect(html).toContain('data-status="loading"');
    expect(html).toContain('Loading your credit balance…');
  });
});
