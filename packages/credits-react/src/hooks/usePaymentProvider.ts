import { createSandboxPaymentProvider, type PaymentProvider } from 'credits-core';
import { useMemo } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext';
import { useCreditsConfig } from './useCreditsConfig';

export type PaymentProviderState =
  | { status: 'loading' }
  | { status: 'ready'; provider: PaymentProvider }
  | { status: 'unavailable' };

/**
 * The payment system for new cards and 3D Secure: the sandbox in test mode.
 * Reading it never loads Stripe.js.
 */
export function usePaymentProvider({
  enabled = true,
}: {
  enabled?: boolean;
} = {}): PaymentProviderState {
  const { client } = useCreditsContext('usePaymentProvider()');
  const config = useCreditsConfig({ enabled });
  return useMemo(() => {
    if (config.isPending) return { status: 'loading' };
    if (config.data?.mode === 'test')
      return { status: 'ready', provider: createSandboxPaymentProvider(client) };
    return { status: 'unavailable' };
  }, [config.isPending, config.data?.mode, client]);
}
