import type { PaymentMethod } from 'credits-core';
import { expiryStatus } from 'credits-core';
import { Suspense, useId, useRef, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useLabels } from '../hooks/useLabels.js';
import { usePaymentMethods } from '../hooks/usePaymentMethods.js';
import { paymentMethodLabels } from '../labels/paymentMethodLabels.js';
import { CardBrandMark } from '../lib/CardBrandMark.js';
import { ErrorState } from '../lib/ErrorState.js';
import { FailureMessage } from '../lib/FailureMessage.js';
import { lazyWithPreload } from '../lib/lazyWithPreload.js';
import { useIsolateValues } from '../lib/useIsolateValues.js';
import { withErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';
import { widgetStatus } from '../lib/widgetStatus.js';
import { cardExpiry, paymentMethodName } from '../payment/describePaymentMethod.js';
import { CardActions } from './CardActions.js';
import { PaymentMethodsSkeleton } from './PaymentMethodsSkeleton.js';
import { usePaymentMethodActions } from './usePaymentMethodActions.js';

// The dialogs are in the lazily loaded dialogs chunk (../dialogs/index.ts), fetched on
// intent (hover or focus on a button that opens one).
const AddPaymentMethodDialog = /* @__PURE__ */ lazyWithPreload(() =>
  import('../dialogs/index.js').then((dialogs) => ({ default: dialogs.AddPaymentMethodDialog })),
);
const DeletePaymentMethodDialog = /* @__PURE__ */ lazyWithPreload(() =>
  import('../dialogs/index.js').then((dialogs) => ({ default: dialogs.DeletePaymentMethodDialog })),
);
const preloadDialogs = (): void => void AddPaymentMethodDialog.preload().catch(() => {});
const preload = { onPointerEnter: preloadDialogs, onFocus: preloadDialogs };

export interface PaymentMethodsProps {
  className?: string;
}

/** Saved cards: default badge, expiry warnings, set as default, delete with confirmation, add a card. */
function PaymentMethodsContent({ className }: PaymentMethodsProps) {
  const { locale } = useCreditsContext('<PaymentMethods>');
  const labels = useLabels(paymentMethodLabels);
  const isolate = useIsolateValues();
  const methods = usePaymentMethods();
  const { setDefault, settingDefault, remove, error } = usePaymentMethodActions();
  const [deleting, setDeleting] = useState<PaymentMethod | null>(null);
  const [adding, setAdding] = useState(false);
  // Mounted from the first open on, so closing keeps Radix's focus return and state.
  const [mounted, setMounted] = useState({ add: false, remove: false });
  if ((adding && !mounted.add) || (deleting && !mounted.remove)) {
    setMounted({ add: mounted.add || adding, remove: mounted.remove || deleting !== null });
  }
  const headingId = useId();
  // Dialogs opened from a list row return focus to that row's "⋯" button, or to "Add payment method".
  const addButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const returnFocus = () => (opener.current?.isConnected ? opener.current : addButton.current);
  const status = widgetStatus(methods);
  const list = methods.data?.data ?? [];

  return (
    <WidgetRoot
      slot="payment-methods"
      status={status}
      className={className}
      aria-busy={status === 'loading'}
    >
      <section aria-labelledby={headingId} className="credits-card cr:flex cr:flex-col cr:gap-3">
        <div className="cr:flex cr:flex-wrap cr:items-center cr:justify-between cr:gap-3">
          <h2 id={headingId} className="cr:m-0 cr:text-base cr:font-semibold">
            {labels.paymentMethods}
          </h2>
          <button
            ref={addButton}
            type="button"
            className="credits-button credits-button--secondary"
            {...preload}
            onClick={() => {
              opener.current = null;
              setAdding(true);
            }}
          >
            {labels.addPaymentMethod}
          </button>
        </div>
        {status === 'loading' && <PaymentMethodsSkeleton label={labels.loadingPaymentMethods} />}
        {status === 'error' && (
          <ErrorState error={methods.error} onRetry={() => void methods.refetch()} />
        )}
        <FailureMessage message={error} />
        {status === 'success' && list.length === 0 && (
          <p className="cr:m-0 cr:text-sm cr:text-muted">{labels.noSavedCards}</p>
        )}
        {list.length > 0 && (
          <ul className="cr:m-0 cr:flex cr:list-none cr:flex-col cr:divide-y cr:divide-border cr:p-0">
            {list.map((method) => {
              const state = expiryStatus(method);
              const name = paymentMethodName(method, labels);
              const expires = cardExpiry(method, locale);
              return (
                <li
                  key={method.id}
                  data-slot="payment-method"
                  data-default={method.isDefault ? '' : undefined}
                  data-expiry={state}
                  className="cr:flex cr:flex-wrap cr:items-center cr:gap-3 cr:py-3"
                >
                  {method.card && <CardBrandMark brand={method.card.brand} />}
                  <span className="cr:flex cr:min-w-0 cr:grow cr:basis-32 cr:flex-col">
                    <span className="cr:font-medium">
                      <bdi>{name}</bdi>
                    </span>
                    {expires && (
                      <span className="cr:text-xs cr:text-muted">
                        {isolate((mark) => labels.expires(mark(expires)))}
                      </span>
                    )}
                  </span>
                  {method.isDefault && (
                    <span className="credits-badge" data-tone="positive">
                      {labels.defaultBadge}
                    </span>
                  )}
                  {state === 'expired' && (
                    <span className="credits-badge" data-tone="danger">
                      {labels.expired}
                    </span>
                  )}
                  {state === 'expires-soon' && (
                    <span className="credits-badge" data-tone="warning">
                      {labels.expiresSoon}
                    </span>
                  )}
                  <CardActions label={labels.cardActions(name)} {...preload}>
                    {!method.isDefault && state !== 'expired' && (
                      <button
                        type="button"
                        disabled={settingDefault}
                        onClick={() => setDefault(method.id)}
                      >
                        {labels.setDefault}
                      </button>
                    )}
                    <button
                      type="button"
                      data-tone="danger"
                      onClick={() => {
                        // The popup has closed and focus is back on this row's "⋯" button.
                        opener.current = document.activeElement as HTMLElement;
                        setDeleting(method);
                      }}
                    >
                      {labels.deleteCard}
                    </button>
                  </CardActions>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <Suspense fallback={null}>
        {mounted.remove && (
          <DeletePaymentMethodDialog
            method={deleting}
            others={list.filter((method) => method.id !== deleting?.id)}
            onCancel={() => setDeleting(null)}
            returnFocus={returnFocus}
            onConfirm={(method, newDefaultId) => {
              setDeleting(null);
              remove(method.id, newDefaultId);
            }}
          />
        )}
        {mounted.add && (
          <AddPaymentMethodDialog
            open={adding}
            onOpenChange={setAdding}
            returnFocus={returnFocus}
          />
        )}
      </Suspense>
    </WidgetRoot>
  );
}

/** PaymentMethods, inside its own error boundary. */
export const PaymentMethods = /* @__PURE__ */ withErrorBoundary(
  'payment-methods',
  PaymentMethodsContent,
);
