import { useQueryClient } from '@tanstack/react-query';
import type { Purchase } from 'credits-core';
import {
  createPurchaseFlow,
  createStoragePendingPurchaseStore,
  type PaymentProvider,
  type PurchaseFlow,
} from 'credits-core/payments';
import { applyPurchaseToCache, creditsKeys } from 'credits-core/query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { pendingPurchaseStorage } from '../lib/pendingPurchaseStorage.js';

/**
 * Binds the core purchase-flow store to React. A succeeded purchase writes its
 * balance and ledger row into the shared cache, so every widget updates at once.
 */
export function usePurchaseFlow(
  provider: PaymentProvider | undefined,
  onComplete?: (purchase: Purchase) => void,
) {
  const { client, account } = useCreditsContext('usePurchaseFlow()');
  const queryClient = useQueryClient();
  const onCompleteRef = useRef(onComplete);
  onCompleteRef.current = onComplete;
  const [flow, setFlow] = useState<PurchaseFlow | null>(null);
  // A payment kept across a reload: never show a Pay button before it is resumed.
  const [resuming, setResuming] = useState(() => pendingPurchaseStorage(account).has());

  useEffect(() => {
    if (!provider) return;
    const { storage, key } = pendingPurchaseStorage(account);
    const created = createPurchaseFlow({
      client,
      provider,
      // A reload mid-payment resumes the same attempt instead of offering to pay again.
      store: createStoragePendingPurchaseStore(storage, key),
      onSucceeded: (purchase) => {
        void applyPurchaseToCache(queryClient, account, purchase);
        if (purchase.paymentMethodId)
          void queryClient.invalidateQueries({ queryKey: creditsKeys.paymentMethods(account) });
        onCompleteRef.current?.(purchase);
      },
    });
    setFlow(created);
    void created.resume().finally(() => setResuming(false));
    return () => created.dispose();
  }, [client, account, provider, queryClient]);

  const state = useSyncExternalStore(
    (listener) => flow?.subscribe(listener) ?? (() => {}),
    () => flow?.getSnapshot() ?? IDLE,
    () => IDLE,
  );
  return { flow, state, resuming };
}

const IDLE = { status: 'idle' } as const;
