import type { Purchase } from 'credits-core';
import type { PurchaseFlow, PurchaseFlowState } from 'credits-core/payments';
import { Dialog } from 'radix-ui';
import { useState } from 'react';
import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { cn } from '../lib/cn.js';
import {
  focusOnClose,
  overlayClass,
  sheetHeaderClass,
  sheetPanelClass,
} from '../lib/dialogClasses.js';
import { useRootAttributes } from '../lib/useRootAttributes.js';
import { WidgetErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { type PaymentProviderState, usePaymentProvider } from '../payment/usePaymentProvider.js';
import { PurchaseFields } from './PurchaseFields.js';
import { PurchaseChallenge, PurchaseProcessing, PurchaseSucceeded } from './PurchaseSteps.js';
import { usePurchaseFlow } from './usePurchaseFlow.js';
import { usePurchaseForm } from './usePurchaseForm.js';

interface PurchaseBodyProps {
  flow: PurchaseFlow;
  state: PurchaseFlowState;
  providerState: PaymentProviderState;
  /** A payment kept across a page reload is being picked up again. */
  resuming: boolean;
  /** The chosen package's id, kept while the dialog is closed. */
  chosen: [string | undefined, (id: string) => void];
}

/** The step the purchase is at: the form, 3D Secure, processing, or success. */
function PurchaseBody({ flow, state, providerState, resuming, chosen }: PurchaseBodyProps) {
  const form = usePurchaseForm(flow, state, providerState, chosen);
  if (state.status === 'succeeded') return <PurchaseSucceeded state={state} />;
  if (state.status === 'challenge')
    return <PurchaseChallenge onAnswer={(outcome) => void flow.authenticate(outcome)} />;
  // Resumed after a reload: never offer to pay while we find out where the payment stands.
  if (
    state.status === 'processing' ||
    (resuming && (state.status === 'idle' || state.status === 'paying'))
  )
    return <PurchaseProcessing />;
  return <PurchaseFields form={form} providerState={providerState} />;
}

/**
 * The dialog itself, loaded on first intent (this chunk carries Radix Dialog and
 * the purchase form), then kept mounted so a purchase still processing keeps
 * its state and polling while the dialog is closed.
 */
export default function AddCreditsDialogContent({
  open,
  onOpenChange,
  onPurchaseComplete,
  className,
  returnFocus,
  purchaseId,
}: {
  open: boolean;
  /** Completes this existing purchase (its 3D Secure) instead of offering packages. */
  purchaseId?: string;
  onOpenChange: (open: boolean) => void;
  onPurchaseComplete?: (purchase: Purchase) => void;
  className?: string;
  /** Where focus goes when the dialog closes. */
  returnFocus: () => HTMLElement | null | undefined;
}) {
  const root = useRootAttributes('<AddCreditsDialog>');
  const labels = useLabels(paymentLabels);
  const providerState = usePaymentProvider({ enabled: true });
  const { flow, state, resuming } = usePurchaseFlow(providerState, onPurchaseComplete, {
    purchaseId,
    open,
  });
  // The chosen package outlives the form only while "Try again" waits: reopened, the dialog
  // repeats the attempt for that package, and the order summary must name it, not the first.
  const chosen = useState<string>();
  const retryable = state.status === 'error' && state.retryable;
  // While a payment is being made the dialog cannot be dismissed by accident.
  const locked = state.status === 'paying';
  const setOpen = (next: boolean) => {
    if (!next && locked) return;
    // A finished attempt starts fresh next time; one still processing keeps polling, and one
    // whose outcome is unknown (Try again) stays, so reopening can only repeat it.
    if (!next && !retryable) {
      chosen[1](undefined);
      if (state.status === 'succeeded' || state.status === 'declined' || state.status === 'error')
        flow.reset();
    }
    onOpenChange(next);
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <div {...root} data-slot="add-credits-dialog-root">
          <Dialog.Overlay className={overlayClass} />
          <Dialog.Content
            data-slot="add-credits-dialog"
            className={cn(
              sheetPanelClass,
              // One height for every step (form, 3D Secure, success) and while packages load,
              // so the dialog never jumps between steps; the body scrolls inside it.
              'cr:h-[min(42rem,calc(100dvh-1rem))] cr:w-[min(32rem,calc(100vw-2rem))]',
              className,
            )}
            onEscapeKeyDown={(event) => locked && event.preventDefault()}
            onPointerDownOutside={(event) => locked && event.preventDefault()}
            onInteractOutside={(event) => locked && event.preventDefault()}
            onCloseAutoFocus={focusOnClose(returnFocus)}
          >
            <div data-slot="dialog-header" className={sheetHeaderClass}>
              <Dialog.Title className="cr:text-lg cr:font-semibold">
                {labels.addCreditsTitle}
              </Dialog.Title>
              <Dialog.Description className="cr:text-sm cr:text-muted">
                {labels.addCreditsDescription}
              </Dialog.Description>
            </div>
            <WidgetErrorBoundary slot="add-credits-body">
              <PurchaseBody
                flow={flow}
                state={state}
                providerState={providerState}
                resuming={resuming}
                chosen={chosen}
              />
            </WidgetErrorBoundary>
            <Dialog.Close
              aria-label={labels.close}
              disabled={locked}
              className="cr:absolute cr:end-3 cr:top-3 cr:flex cr:size-9 cr:items-center cr:justify-center cr:rounded-md cr:text-muted cr:hover:bg-skeleton cr:disabled:opacity-40"
            >
              <span aria-hidden="true">×</span>
            </Dialog.Close>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
