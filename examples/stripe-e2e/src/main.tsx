import { createCreditsClient } from 'credits-core';
import { AddCreditsDialog, BalanceCards, CreditsProvider, PaymentMethods } from 'credits-react';
import { AutoRechargeStatus } from 'credits-react/auto-recharge-status';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadStripeStandIn } from 'stripe-stand-in/browser';
import 'credits-react/styles.css';

/**
 * Stripe.js is never loaded from js.stripe.com here: the host hands CreditsProvider what
 * `loadStripe` would resolve to, the stand-in (stripe-stand-in/browser), talking to the Stripe
 * API stand-in. Everything else is a host's ordinary set-up; the account comes from `?account=`
 * (demo sign-in: the bearer token is the account id), so each test case has its own.
 */
const account = new URLSearchParams(location.search).get('account') ?? 'acct_stripe_e2e';
const client = createCreditsClient({
  baseUrl: '/api/credits/v1',
  headers: { Authorization: `Bearer ${account}` },
});
const stripe = loadStripeStandIn(import.meta.env.VITE_STRIPE_PUBLISHABLE_KEY, {
  apiBase: import.meta.env.VITE_STRIPE_API,
});
const nonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <CreditsProvider client={client} account={account} stripe={stripe} nonce={nonce} locale="en-US">
      <main>
        <h1>Stripe path</h1>
        <AddCreditsDialog>
          <BalanceCards
            addCreditsAction={<AddCreditsDialog.Trigger />}
            status={<AutoRechargeStatus />}
          />
        </AddCreditsDialog>
        <PaymentMethods />
      </main>
    </CreditsProvider>
  </StrictMode>,
);
