import { useQueryClient } from '@tanstack/react-query';
import { autoRechargeKey } from 'credits-core/auto-recharge';
import { configQueryOptions } from 'credits-core/query';
import { Suspense, useRef, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { lazyWithPreload } from '../lib/lazyWithPreload.js';
import { WidgetErrorBoundary } from '../lib/WidgetErrorBoundary.js';

// The purchase dialog's own chunk (the one AddCreditsDialog loads), fetched on intent.
const AddCreditsDialogContent = /* @__PURE__ */ lazyWithPreload(() =>
  import('../dialogs/index.js').then((dialogs) => ({ default: dialogs.AddCreditsDialogContent })),
);

/**
 * One click from "needs your action" to the purchase dialog's 3D Secure challenge for the
 * recharge that waits (`purchaseId`, the status' `actionPurchaseId`). On success the purchase
 * flow writes the new balance into the cache and the auto-recharge status is fetched again; the
 * dialog stays (showing the credits added) until closed, though the button is gone by then, and
 * focus then goes to `fallbackFocus`.
 */
export function CompletePaymentButton({
  purchaseId,
  label,
  fallbackFocus,
}: {
  purchaseId: string | null;
  label: string;
  fallbackFocus: () => HTMLElement | null;
}) {
  const { client, account } = useCreditsContext('<AutoRechargeStatus>');
  const queryClient = useQueryClient();
  const button = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  // Mounted from the first click on: the dialog keeps its flow's step while it is closed.
  const [activated, setActivated] = useState(false);
  // The purchase the dialog completes: kept while it shows the outcome, after the status moved on.
  const [target, setTarget] = useState(purchaseId);
  if (purchaseId && purchaseId !== target) setTarget(purchaseId);
  const prepare = () => {
    void AddCreditsDialogContent.preload().catch(() => {});
    void queryClient.prefetchQuery(configQueryOptions(client, account));
  };
  return (
    <>
      {purchaseId && (
        <button
          ref={button}
          type="button"
          aria-haspopup="dialog"
          aria-expanded={open}
          data-state={open ? 'open' : 'closed'}
          data-slot="complete-payment"
          className="credits-button credits-button--primary"
          onPointerEnter={prepare}
          onFocus={prepare}
          onClick={() => {
            setActivated(true);
            setOpen(true);
          }}
        >
          {label}
        </button>
      )}
      {activated && target && (open || purchaseId === target) && (
        <WidgetErrorBoundary slot="add-credits-dialog">
          <Suspense fallback={null}>
            <AddCreditsDialogContent
              key={target}
              purchaseId={target}
              open={open}
              onOpenChange={setOpen}
              onPurchaseComplete={() =>
                void queryClient.invalidateQueries({ queryKey: autoRechargeKey(account) })
              }
              returnFocus={() => (button.current?.isConnected ? button.current : fallbackFocus())}
            />
          </Suspense>
        </WidgetErrorBoundary>
      )}
    </>
  );
}
