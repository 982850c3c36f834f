import { QueryClient } from '@tanstack/react-query';
import { createCreditsClient } from 'credits-core';
import { dehydrateCredits } from 'credits-core/query';
import { ACCOUNT, TOKEN } from './account';
import { CreditsDashboard } from './CreditsDashboard';

// Balances change: render per request.
export const dynamic = 'force-dynamic';

/**
 * Server component: fetch what the widgets show, on the server, and hand the
 * cache to the browser — the first paint has the balance and no request repeats.
 */
export default async function Page() {
  const client = createCreditsClient({
    baseUrl: `${process.env.CREDITS_API_URL ?? 'http://127.0.0.1:8787'}/api/credits/v1`,
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  const state = await dehydrateCredits(new QueryClient(), {
    client,
    account: ACCOUNT,
    include: { balance: true, transactions: true },
  });
  return (
    <main
      style={{
        maxWidth: '64rem',
        margin: '0 auto',
        padding: '1.5rem',
        display: 'grid',
        gap: '1.5rem',
      }}
    >
      <h1 style={{ margin: 0 }}>Credits (server-rendered)</h1>
      <CreditsDashboard state={state} />
    </main>
  );
}
