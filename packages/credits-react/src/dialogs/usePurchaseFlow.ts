import { useQueryClient } from '@tanstack/react-query';
import type { Purchase } from 'credits-core';
import { createPurchaseFlow, createStoragePendingPurchaseStore } from 'credits-core/payments';
import { applyPurchaseToCache } from 'credits-core/query';
import { useEffect, useRef, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { pendingPurchaseStorage } from '../payment/pendingPurchaseStorage.js';
import { useFlowStore } from '../payment/useFlowStore.js';
import type { PaymentProviderState } from '../payment/usePaymentProvider.js';

/**
 * Binds the core purchase-flow store to React, from the first render. A
 * succeeded purchase writes its balance and ledger row into the shared cache,
 * so every widget updates at once. A payment kept across a reload is resumed
 * as soon as the payment provider is ready.
 */
export function usePurchaseFlow(
  providerState: PaymentProviderState,
  onComplete?: (purchase: Purchase) => void,
) {
  const { client, account } = useCreditsContext('usePurchaseFlow()');
  const queryClient = useQueryClient();
  const completed = useRef(onComplete);
  completed.current = onComplete;
  const { flow, state } = useFlowStore(
    providerState,
    (provider) => {
      const { storage, key } = pendingPurchaseStorage(account);
      return createPurchaseFlow({
        client,
        provider,
        // A reload mid-payment resumes the same attempt instead of offering to pay again.
        store: createStoragePendingPurchaseStore(storage, key),
        onSucceeded: (purchase) => {
          void applyPurchaseToCache(queryClient, account, purchase);
          completed.current?.(purchase);
        },
      });
    },
    [client, account, queryClient],
  );
  // A payment kept across a reload: never show a Pay button before it is resumed.
  const [resuming, setResuming] = useState(() => pendingPurchaseStorage(account).has());
  const ready = providerState.status === 'ready';
  useEffect(() => {
    if (!ready) return;
    // StrictMode resets the flow (aborting this resume) and runs the effect again: only the
    // resume still current may say it is over.
    let current = true;
    void flow.resume().finally(() => current && setResuming(false));
    return () => {
      current = false;
    };
  }, [flow, ready]);
  return { flow, state, resuming };
}
