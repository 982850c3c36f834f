import type { PaymentMethod } from 'credits-core';
import { choosePaymentMethod, expiryStatus } from 'credits-core';
import { Dialog } from 'radix-ui';
import { useId, useRef, useState } from 'react';
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

/** An alert dialog is answered, not dismissed by a click beside it (WAI-ARIA APG, Alert Dialog). */
const stayOpen = (event: Event) => event.preventDefault();

/**
 * Confirms a deletion, naming the card; deleting the default asks which card becomes the default.
 * An `alertdialog` on the Radix Dialog every other dialog here uses (not a second primitive,
 * Radix AlertDialog, for the same behaviour): focus starts on Cancel, Escape cancels, a click
 * outside does nothing, Title and Description name and describe it.
 */
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  const needsNewDefault = Boolean(method?.isDefault && others.length > 0);
  // The dialog stays mounted between deletions: a choice made for another card no longer counts.
  // Pre-selected: the rule every card choice follows (never an expired card); an expired card is
  // offered only when no other card is left, and then the user picks it by hand.
  const preselected = choosePaymentMethod(others)?.id;
  const chosen = others.some((other) => other.id === newDefaultId) ? newDefaultId : preselected;
  return (
    <Dialog.Root open={method !== null} onOpenChange={(open) => !open && onCancel()}>
      <Dialog.Portal>
        <div {...root}>
          <Dialog.Overlay className={overlayClass} />
          <Dialog.Content
            role="alertdialog"
            data-slot="delete-payment-method-dialog"
            onOpenAutoFocus={(event) => {
              // The least destructive action first, as the APG's alert dialog pattern says.
              event.preventDefault();
              cancelRef.current?.focus({ preventScroll: true });
            }}
            onPointerDownOutside={stayOpen}
            onInteractOutside={stayOpen}
            onCloseAutoFocus={focusOnClose(returnFocus)}
            className={cn(panelClass, 'cr:w-[min(26rem,calc(100vw-2rem))]')}
          >
            <Dialog.Title className="cr:m-0 cr:text-lg cr:font-semibold">
              {method
                ? isolate((mark) => labels.deleteTitle(mark(paymentMethodName(method, labels))))
                : ''}
            </Dialog.Title>
            <Dialog.Description className="cr:m-0 cr:text-sm cr:text-muted">
              {needsNewDefault ? labels.deleteDefaultDescription : labels.deleteDescription}
            </Dialog.Description>
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
              <Dialog.Close ref={cancelRef} className="credits-button credits-button--secondary">
                {labels.cancel}
              </Dialog.Close>
              <Dialog.Close
                className="credits-button credits-button--danger"
                disabled={needsNewDefault && chosen === undefined}
                onClick={() => method && onConfirm(method, needsNewDefault ? chosen : undefined)}
              >
                {labels.confirmDelete}
              </Dialog.Close>
            </div>
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
