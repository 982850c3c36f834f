import { useQueryClient } from '@tanstack/react-query';
import type { Purchase } from 'credits-core';
import { createPurchaseFlow, type PaymentProvider, type PurchaseFlow } from 'credits-core/payments';
import { applyPurchaseToCache, creditsKeys } from 'credits-core/query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

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

  useEffect(() => {
    if (!provider) return;
    const created = createPurchaseFlow({
      client,
      provider,
      onSucceeded: (purchase) => {
        void applyPurchaseToCache(queryClient, account, purchase);
        if (purchase.paymentMethodId)
          void queryClient.invalidateQueries({ queryKey: creditsKeys.paymentMethods(account) });
        onCompleteRef.current?.(purchase);
      },
    });
    setFlow(created);
    return () => created.dispose();
  }, [client, account, provider, queryClient]);

  const state = useSyncExternalStore(
    (listener) => flow?.subscribe(listener) ?? (() => {}),
    () => flow?.getSnapshot() ?? IDLE,
    () => IDLE,
  );
  return { flow, state };
}

const IDLE = { status: 'idle' } as const;
