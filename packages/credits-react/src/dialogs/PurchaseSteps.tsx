import type { PurchaseFlowState } from 'credits-core/payments';
import { Dialog } from 'radix-ui';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { cn } from '../lib/cn.js';
import { sheetBodyClass, sheetFooterClass, sheetSectionsClass } from '../lib/dialogClasses.js';
import { focusOnMount } from '../lib/focusOnMount.js';
import { markCount, useIsolateValues } from '../lib/useIsolateValues.js';
import { SandboxChallenge } from '../payment/SandboxChallenge.js';

/**
 * Credits added: a check mark (decorative: the words say it), how many, the new balance, and
 * Done (focused: the form it replaces is gone), where Pay was.
 */
export function PurchaseSucceeded({
  state,
}: {
  state: Extract<PurchaseFlowState, { status: 'succeeded' }>;
}) {
  const labels = useLabels(paymentLabels);
  const isolate = useIsolateValues();
  const format = useFormatters();
  const balance = state.purchase.balance;
  return (
    <div data-slot="purchase-success" className={sheetSectionsClass}>
      <div
        data-slot="dialog-body"
        className={cn(sheetBodyClass, 'cr:items-center cr:justify-center cr:gap-3 cr:text-center')}
      >
        <span aria-hidden="true" className="credits-success-mark" />
        <p role="status" className="cr:text-2xl cr:font-semibold">
          {isolate((mark) =>
            labels.purchaseSucceeded(markCount(mark, format.count(state.purchase.credits))),
          )}
        </p>
        {balance && (
          <p className="cr:text-sm cr:text-muted">
            {isolate((mark) => labels.newBalance(markCount(mark, format.count(balance.available))))}
          </p>
        )}
      </div>
      <div data-slot="dialog-footer" className={sheetFooterClass}>
        <Dialog.Close ref={focusOnMount} className="credits-button credits-button--primary">
          {labels.done}
        </Dialog.Close>
      </div>
    </div>
  );
}

/** The bank's 3D Secure question (sandbox). */
export function PurchaseChallenge({
  onAnswer,
}: {
  onAnswer: (outcome: 'complete' | 'fail') => void;
}) {
  return (
    <div data-slot="purchase-challenge" className={cn(sheetBodyClass, 'cr:justify-center')}>
      <SandboxChallenge title onAnswer={onAnswer} />
    </div>
  );
}

/** Paid, not settled yet (or being picked up after a reload): nothing to press but Close. */
export function PurchaseProcessing() {
  const labels = useLabels(paymentLabels);
  return (
    <div data-slot="purchase-processing" className={sheetSectionsClass}>
      <div data-slot="dialog-body" className={cn(sheetBodyClass, 'cr:justify-center')}>
        <p role="status" className="cr:text-sm">
          {labels.processingPayment}
        </p>
      </div>
      <div data-slot="dialog-footer" className={sheetFooterClass}>
        <Dialog.Close className="credits-button credits-button--secondary">
          {labels.close}
        </Dialog.Close>
      </div>
    </div>
  );
}
