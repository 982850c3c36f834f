import {
  createSandboxPaymentProvider,
  createStripePaymentProvider,
  type PaymentProvider,
  type StripeLike,
} from 'credits-core/payments';
import { useMemo } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useCreditsConfig } from '../hooks/useCreditsConfig.js';

export type PaymentProviderState =
  | { status: 'loading' }
  | { status: 'ready'; provider: PaymentProvider; kind: 'sandbox' }
  | {
      status: 'ready';
      provider: PaymentProvider;
      kind: 'stripe';
      getStripe: () => Promise<StripeLike | null>;
    }
  /** The config could not be loaded: say why and offer `retry`. */
  | { status: 'error'; error: unknown; retry: () => void }
  | { status: 'unavailable' };

/** One Stripe.js load per publishable key, started on first use and shared afterwards. */
const stripeLoads = new Map<string, Promise<StripeLike | null>>();
function loadStripeLazily(publishableKey: string): Promise<StripeLike | null> {
  let load = stripeLoads.get(publishableKey);
  if (!load) {
    load = import('@stripe/stripe-js').then(
      ({ loadStripe }) => loadStripe(publishableKey) as Promise<StripeLike | null>,
    );
    // A failed load (offline) may be retried later.
    load.catch(() => stripeLoads.delete(publishableKey));
    stripeLoads.set(publishableKey, load);
  }
  return load;
}

/**
 * The payment system for new cards and 3D Secure: Stripe when the host gave
 * a Stripe instance or the backend a publishable key, else the sandbox in test
 * mode. Reading it never loads Stripe.js: `getStripe()` does, when called.
 */
export function usePaymentProvider({
  enabled = true,
}: {
  enabled?: boolean;
} = {}): PaymentProviderState {
  const { client, stripe } = useCreditsContext('usePaymentProvider()');
  const config = useCreditsConfig({ enabled });
  const publishableKey = config.data?.stripePublishableKey ?? undefined;
  const mode = config.data?.mode;
  const { refetch, isError, error } = config;
  return useMemo(() => {
    if (stripe || publishableKey) {
      const getStripe = () =>
        stripe
          ? (Promise.resolve(stripe) as Promise<StripeLike | null>)
          : loadStripeLazily(publishableKey as string);
      return {
        status: 'ready',
        kind: 'stripe',
        getStripe,
        provider: createStripePaymentProvider({ client, getStripe }),
      };
    }
    if (config.isPending) return { status: 'loading' };
    if (isError && !mode) return { status: 'error', error, retry: () => void refetch() };
    if (mode === 'test')
      return { status: 'ready', kind: 'sandbox', provider: createSandboxPaymentProvider(client) };
    return { status: 'unavailable' };
  }, [stripe, publishableKey, config.isPending, isError, error, refetch, mode, client]);
}
