'use client';

import { type DehydratedState, HydrationBoundary } from '@tanstack/react-query';
import { createCreditsClient } from 'credits-core';
import { AddCreditsDialog, BalanceCards, CreditsProvider, HistoryTable } from 'credits-react';
import { useState } from 'react';
import { ACCOUNT, LOCALE, TIME_ZONE, TOKEN } from './account';

/** The browser half: same account, locale and time zone as the server, so hydration matches. */
export function CreditsDashboard({ state }: { state: DehydratedState }) {
  const [client] = useState(() =>
    createCreditsClient({
      baseUrl: '/api/credits/v1',
      headers: { Authorization: `Bearer ${TOKEN}` },
    }),
  );
  return (
    <CreditsProvider client={client} account={ACCOUNT} locale={LOCALE} timeZone={TIME_ZONE}>
      <HydrationBoundary state={state}>
        <AddCreditsDialog>
          {/* BalanceCards offers Add credits in every state: one action, not a second button. */}
          <BalanceCards addCreditsAction={<AddCreditsDialog.Trigger />} />
        </AddCreditsDialog>
        <HistoryTable />
      </HydrationBoundary>
    </CreditsProvider>
  );
}
