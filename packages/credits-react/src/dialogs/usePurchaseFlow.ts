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
 * as soon as the payment provider is ready. With `purchaseId` (a purchase that already exists
 * and waits for the user, e.g. an auto-recharge's 3D Secure) the flow completes that purchase
 * each time the dialog opens instead: nothing is kept for a reload (the purchase stays on the
 * backend, and the page's own purchase dialog owns what a reload resumes).
 */
export function usePurchaseFlow(
  providerState: PaymentProviderState,
  onComplete?: (purchase: Purchase) => void,
  { purchaseId, open }: { purchaseId?: string; open?: boolean } = {},
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
        ...(purchaseId ? {} : { store: createStoragePendingPurchaseStore(storage, key) }),
        onSucceeded: (purchase) => {
          void applyPurchaseToCache(queryClient, account, purchase);
          completed.current?.(purchase);
        },
      });
    },
    [client, account, queryClient, purchaseId],
  );
  // A payment kept across a reload (or one to complete): never a Pay button before it is picked up.
  const [resuming, setResuming] = useState(
    () => Boolean(purchaseId) || pendingPurchaseStorage(account).has(),
  );
  const ready = providerState.status === 'ready';
  // Completing: each time the dialog opens on a flow at rest. Resuming: once the provider is ready.
  const go = purchaseId ? open && state.status === 'idle' : true;
  useEffect(() => {
    if (!ready || !go) return;
    // StrictMode resets the flow (aborting this resume) and runs the effect again: only the
    // resume still current may say it is over.
    let current = true;
    if (purchaseId) void flow.complete(purchaseId);
    else void flow.resume().finally(() => current && setResuming(false));
    return () => {
      current = false;
    };
  }, [flow, ready, go, purchaseId]);
  return { flow, state, resuming };
}
