import { Dialog } from 'radix-ui';
import type { FormEvent } from 'react';
import { useCreditsConfig } from '../hooks/useCreditsConfig.js';
import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { cn } from '../lib/cn.js';
import {
  focusOnClose,
  overlayClass,
  sheetBodyClass,
  sheetFooterClass,
  sheetHeaderClass,
  sheetPanelClass,
  sheetSectionsClass,
} from '../lib/dialogClasses.js';
import { FailureMessage } from '../lib/FailureMessage.js';
import { useRootAttributes } from '../lib/useRootAttributes.js';
import { flowMessage } from '../payment/flowMessage.js';
import { NewCardFields } from '../payment/NewCardFields.js';
import { ProviderProblem } from '../payment/ProviderProblem.js';
import { SandboxChallenge } from '../payment/SandboxChallenge.js';
import { useNewCard } from '../payment/useNewCard.js';
import { usePaymentProvider } from '../payment/usePaymentProvider.js';
import { useSaveCardFlow } from './useSaveCardFlow.js';

/** Saves a new card (the core save-card flow); the list updates without a reload. */
export function AddPaymentMethodDialog({
  open,
  onOpenChange,
  returnFocus,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Where focus goes when the dialog closes. */
  returnFocus: () => HTMLElement | null | undefined;
}) {
  const root = useRootAttributes('<PaymentMethods>');
  const labels = useLabels(paymentLabels);
  const providerState = usePaymentProvider({ enabled: open });
  const currency = useCreditsConfig({ enabled: open }).data?.currency ?? 'USD';
  const card = useNewCard(providerState);
  const { flow, state } = useSaveCardFlow(providerState, () => close());
  const busy = state.status === 'saving' || state.status === 'succeeded';
  const message = flowMessage(state, labels);
  function close() {
    // A finished or failed attempt starts fresh next time (one whose outcome is unknown is kept).
    flow.reset();
    card.clear();
    onOpenChange(false);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy || !card.ready) return;
    if (state.status === 'error' && state.retryable) return void flow.retry();
    const details = card.read();
    if (details) void flow.save(details);
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => !busy && (next ? onOpenChange(true) : close())}
    >
      <Dialog.Portal>
        <div {...root}>
          <Dialog.Overlay className={overlayClass} />
          <Dialog.Content
            data-slot="add-payment-method-dialog"
            onCloseAutoFocus={focusOnClose(returnFocus)}
            className={cn(sheetPanelClass, 'cr:w-[min(28rem,calc(100vw-2rem))]')}
          >
            <div data-slot="dialog-header" className={sheetHeaderClass}>
              <Dialog.Title className="cr:m-0 cr:text-lg cr:font-semibold">
                {labels.addPaymentMethod}
              </Dialog.Title>
              <Dialog.Description className="cr:sr-only">
                {labels.addPaymentMethod}
              </Dialog.Description>
            </div>
            {state.status === 'challenge' ? (
              <div data-slot="dialog-body" className={sheetBodyClass}>
                <SandboxChallenge onAnswer={(outcome) => void flow.authenticate(outcome)} />
              </div>
            ) : (
              <form onSubmit={submit} noValidate className={sheetSectionsClass}>
                <div data-slot="dialog-body" className={sheetBodyClass}>
                  <ProviderProblem providerState={providerState} />
                  <NewCardFields {...card.fields} intent={{ mode: 'setup', currency }} />
                </div>
                {/* Fixed under the scrolling body: Save card and its error stay in sight. */}
                <div data-slot="dialog-footer" className={sheetFooterClass}>
                  <FailureMessage message={message} />
                  <div className="cr:flex cr:flex-wrap cr:justify-end cr:gap-2">
                    <Dialog.Close
                      className="credits-button credits-button--secondary"
                      disabled={busy}
                    >
                      {labels.cancel}
                    </Dialog.Close>
                    <button
                      type="submit"
                      className="credits-button credits-button--primary"
                      // With Stripe, saving needs the card form: never a press that does nothing.
                      disabled={busy || !card.ready}
                      aria-busy={busy || undefined}
                    >
                      {labels.saveCardButton}
                    </button>
                  </div>
                </div>
              </form>
            )}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
