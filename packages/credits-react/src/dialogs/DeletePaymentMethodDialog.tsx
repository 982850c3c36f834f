import type { PaymentMethod } from 'credits-core';
import { choosePaymentMethod, expiryStatus } from 'credits-core';
import { AlertDialog } from 'radix-ui';
import { useId, useState } from 'react';
import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { cn } from '../lib/cn.js';
import { focusOnClose, overlayClass, panelClass } from '../lib/dialogClasses.js';
import { useIsolateValues } from '../lib/useIsolateValues.js';
import { useRootAttributes } from '../lib/useRootAttributes.js';
import { paymentMethodName } from '../payment/describePaymentMethod.js';

export interface DeletePaymentMethodDialogProps {
  method: PaymentMethod | null;
  others: PaymentMethod[];
  onCancel: () => void;
  onConfirm: (method: PaymentMethod, newDefaultId?: string) => void;
  /** Where focus goes when the dialog closes (the Delete button, or a fallback if the card is gone). */
  returnFocus: () => HTMLElement | null | undefined;
}

/** Confirms a deletion, naming the card; deleting the default asks which card becomes the default. */
export function DeletePaymentMethodDialog({
  method,
  others,
  onCancel,
  onConfirm,
  returnFocus,
}: DeletePaymentMethodDialogProps) {
  const root = useRootAttributes('<PaymentMethods>');
  const labels = useLabels(paymentLabels);
  const isolate = useIsolateValues();
  const selectId = useId();
  const [newDefaultId, setNewDefaultId] = useState<string>();
  const needsNewDefault = Boolean(method?.isDefault && others.length > 0);
  // The dialog stays mounted between deletions: a choice made for another card no longer counts.
  // Pre-selected: the rule every card choice follows (never an expired card); an expired card is
  // offered only when no other card is left, and then the user picks it by hand.
  const preselected = choosePaymentMethod(others)?.id;
  const chosen = others.some((other) => other.id === newDefaultId) ? newDefaultId : preselected;
  return (
    <AlertDialog.Root open={method !== null} onOpenChange={(open) => !open && onCancel()}>
      <AlertDialog.Portal>
        <div {...root}>
          <AlertDialog.Overlay className={overlayClass} />
          <AlertDialog.Content
            data-slot="delete-payment-method-dialog"
            onCloseAutoFocus={focusOnClose(returnFocus)}
            className={cn(panelClass, 'cr:w-[min(26rem,calc(100vw-2rem))]')}
          >
            <AlertDialog.Title className="cr:m-0 cr:text-lg cr:font-semibold">
              {method
                ? isolate((mark) => labels.deleteTitle(mark(paymentMethodName(method, labels))))
                : ''}
            </AlertDialog.Title>
            <AlertDialog.Description className="cr:m-0 cr:text-sm cr:text-muted">
              {needsNewDefault ? labels.deleteDefaultDescription : labels.deleteDescription}
            </AlertDialog.Description>
            {needsNewDefault && (
              <label htmlFor={selectId} className="cr:flex cr:flex-col cr:gap-1 cr:text-sm">
                {labels.chooseNewDefault}
                <select
                  id={selectId}
                  value={chosen ?? ''}
                  onChange={(event) => setNewDefaultId(event.target.value)}
                  className="credits-control"
                >
                  {chosen === undefined && <option value="" disabled />}
                  {others.map((other) => {
                    const expired = expiryStatus(other) === 'expired';
                    return (
                      <option
                        key={other.id}
                        value={other.id}
                        disabled={expired && preselected !== undefined}
                      >
                        {paymentMethodName(other, labels)}
                        {expired ? ` (${labels.expired})` : ''}
                      </option>
                    );
                  })}
                </select>
              </label>
            )}
            <div data-slot="dialog-footer" className="cr:flex cr:flex-wrap cr:justify-end cr:gap-2">
              <AlertDialog.Cancel className="credits-button credits-button--secondary">
                {labels.cancel}
              </AlertDialog.Cancel>
              <AlertDialog.Action
                className="credits-button credits-button--danger"
                disabled={needsNewDefault && chosen === undefined}
                onClick={() => method && onConfirm(method, needsNewDefault ? chosen : undefined)}
              >
                {labels.confirmDelete}
              </AlertDialog.Action>
            </div>
          </AlertDialog.Content>
        </div>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
