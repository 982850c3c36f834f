import { useQueryClient } from '@tanstack/react-query';
import { createSaveCardFlow } from 'credits-core/payments';
import { invalidatePaymentMethods } from 'credits-core/query';
import { useRef } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useFlowStore } from '../payment/useFlowStore.js';
import type { PaymentProviderState } from '../payment/usePaymentProvider.js';

/** Binds the core save-card store to React, from the first render; a saved card refreshes the list. */
export function useSaveCardFlow(providerState: PaymentProviderState, onSaved: () => void) {
  const { client, account } = useCreditsContext('<PaymentMethods>');
  const queryClient = useQueryClient();
  const latest = useRef({ providerState, onSaved });
  latest.current = { providerState, onSaved };
  return useFlowStore(
    () =>
      createSaveCardFlow({
        client,
        provider: () => {
          const current = latest.current.providerState;
          return current.status === 'ready' ? current.provider : undefined;
        },
        onSucceeded: () => {
          void invalidatePaymentMethods(queryClient, account).then(() => latest.current.onSaved());
        },
      }),
    [client, account, queryClient],
  );
}
