import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { createCreditsClient, type Transaction } from 'credits-core';
import {
  type CreditsBackend,
  type CreditsBackendOptions,
  type CreditsScenarioName,
  createCreditsBackend,
  createCreditsHandlers,
} from 'credits-msw';
import type { RequestHandler } from 'msw';
import { setupServer } from 'msw/node';
import type { ReactNode } from 'react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { CreditsProvider, type CreditsProviderProps } from '../src/index';

export const BASE_URL = 'http://credits.test/api/credits/v1';
export const server = setupServer();

/** Counts requests per "METHOD /path" so tests can assert request economy. */
export const requests = new Map<string, number>();

export function listenWithMsw() {
  beforeAll(() => {
    server.listen({ onUnhandledRequest: 'error' });
    server.events.on('request:start', ({ request }) => {
      const key = `${request.method} ${new URL(request.url).pathname.replace('/api/credits/v1', '')}`;
      requests.set(key, (requests.get(key) ?? 0) + 1);
    });
  });
  afterEach(() => {
    server.resetHandlers();
    requests.clear();
    // A payment remembered for resume-after-reload must not leak into the next test.
    sessionStorage.clear();
  });
  afterAll(() => server.close());
}

/** A ledger whose balance is easy to read: 60,000 granted, 12,500 used → 47,500 available. */
export function simpleLedger(): Transaction[] {
  return [
    {
      id: 'txn_2',
      createdAt: '2026-11-20T10:00:00Z',
      type: 'usage',
      description: 'Website generation',
      amount: -12_500,
      balanceAfter: 47_500,
      website: { id: 'web_1', name: 'Bakery', url: 'https://bakery.example' },
      purchaseId: null,
    },
    {
      id: 'txn_1',
      createdAt: '2026-11-01T10:00:00Z',
      type: 'grant',
      description: 'Welcome credits',
      amount: 60_000,
      balanceAfter: 60_000,
      website: null,
      purchaseId: null,
    },
  ];
}

export interface Setup {
  scenario?: CreditsScenarioName;
  backend?: CreditsBackendOptions | CreditsBackend;
  handlers?: RequestHandler[];
  provider?: Partial<CreditsProviderProps>;
}

/** Renders UI inside a CreditsProvider talking to credits-msw through MSW. */
export function renderWithCredits(ui: ReactNode, setup: Setup = {}) {
  const backend =
    setup.backend && 'tick' in setup.backend
      ? setup.backend
      : createCreditsBackend({
          transactions: simpleLedger(),
          lowBalanceThreshold: 5_000,
          ...setup.backend,
        });
  server.use(
    ...(setup.handlers ?? []),
    ...createCreditsHandlers({ baseUrl: BASE_URL, backend, scenario: setup.scenario }),
  );
  const client = createCreditsClient({ baseUrl: BASE_URL, retry: false });
  const queryClient = new QueryClient();
  const props = {
    client,
    account: 'acct_1',
    locale: 'en-US',
    timeZone: 'UTC',
    queryClient,
    ...setup.provider,
  };
  const result = render(<CreditsProvider {...props}>{ui}</CreditsProvider>);
  return {
    ...result,
    backend,
    client,
    queryClient,
    rerenderWith: (next: Partial<CreditsProviderProps>, nextUi: ReactNode = ui) =>
      result.rerender(
        <CreditsProvider {...props} {...next}>
          {nextUi}
        </CreditsProvider>,
      ),
  };
}
