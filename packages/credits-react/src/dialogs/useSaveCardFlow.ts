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
  const saved = useRef(onSaved);
  saved.current = onSaved;
  return useFlowStore(
    providerState,
    (provider) =>
      createSaveCardFlow({
        client,
        provider,
        onSucceeded: () =>
          void invalidatePaymentMethods(queryClient, account).then(() => saved.current()),
      }),
    [client, account, queryClient],
  );
}
