import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isCreditsError, type PaymentMethod, type PaymentMethodList } from 'credits-core';
import { creditsKeys } from 'credits-core/query';
import { Suspense, useEffect, useId, useRef, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { usePaymentMethods } from '../hooks/usePaymentMethods.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { useLabels } from '../labels/useLabels.js';
import { cn } from '../lib/cn.js';
import { expiryStatus, paymentMethodName } from '../lib/describePaymentMethod.js';
import { ErrorState } from '../lib/ErrorState.js';
import { lazyWithPreload } from '../lib/lazyWithPreload.js';
import { WidgetErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';

// The dialogs are in the lazily loaded dialogs chunk (see lib/dialogs.ts),
// fetched on intent (hover or focus on a button that opens one).
const AddPaymentMethodDialog = /* @__PURE__ */ lazyWithPreload(() =>
  import('../lib/dialogs.js').then((dialogs) => ({ default: dialogs.AddPaymentMethodDialog })),
);
const DeletePaymentMethodDialog = /* @__PURE__ */ lazyWithPreload(() =>
  import('../lib/dialogs.js').then((dialogs) => ({ default: dialogs.DeletePaymentMethodDialog })),
);
const preloadDialogs = (): void => void AddPaymentMethodDialog.preload().catch(() => {});
const preload = { onPointerEnter: preloadDialogs, onFocus: preloadDialogs };

export interface PaymentMethodsProps {
  className?: string;
}

const badge = 'cr:rounded-full cr:px-2 cr:py-0.5 cr:text-xs cr:font-semibold';

/** Optimistic changes to the cached list; rolled back with a message when the backend refuses. */
function useOptimisticList() {
  const { client, account } = useCreditsContext('<PaymentMethods>');
  const labels = useLabels(paymentLabels);
  const queryClient = useQueryClient();
  const key = creditsKeys.paymentMethods(account);
  const [error, setError] = useState<string>();

  const options = <TVariables,>(
    run: (variables: TVariables) => Promise<PaymentMethodList>,
    optimistic: (list: PaymentMethodList, variables: TVariables) => PaymentMethodList,
  ) => ({
    mutationFn: run,
    onMutate: async (variables: TVariables) => {
      setError(undefined);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<PaymentMethodList>(key);
      if (previous) queryClient.setQueryData(key, optimistic(previous, variables));
      return { previous };
    },
    onError: (
      failure: unknown,
      _: TVariables,
      context: { previous?: PaymentMethodList } | undefined,
    ) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      const code = isCreditsError(failure) ? failure.code : 'default';
      setError(labels.errors[code as keyof typeof labels.errors] ?? labels.errors.default);
    },
    onSuccess: (list: PaymentMethodList) => queryClient.setQueryData(key, list),
  });

  const setDefault = useMutation(
    options(
      (id: string) => client.setDefaultPaymentMethod(id),
      (list, id) => ({
        data: list.data.map((method) => ({ ...method, isDefault: method.id === id })),
      }),
    ),
  );
  const remove = useMutation(
    options(
      ({ id, newDefaultId }: { id: string; newDefaultId?: string }) =>
        client.deletePaymentMethod(id, { newDefaultId }),
      (list, { id, newDefaultId }) => ({
        data: list.data
          .filter((method) => method.id !== id)
          .map((method) =>
            newDefaultId ? { ...method, isDefault: method.id === newDefaultId } : method,
          ),
      }),
    ),
  );
  return { setDefault, remove, error };
}

/** Saved cards: default badge, expiry warnings, set as default, delete with confirmation, add a card. */
function PaymentMethodsContent({ className }: PaymentMethodsProps) {
  const { locale } = useCreditsContext('<PaymentMethods>');
  const labels = useLabels(paymentLabels);
  const methods = usePaymentMethods();
  const { setDefault, remove, error } = useOptimisticList();
  const [deleting, setDeleting] = useState<PaymentMethod | null>(null);
  const [adding, setAdding] = useState(false);
  // Mounted from the first open on, so closing keeps Radix's focus return and state.
  const [mounted, setMounted] = useState({ add: false, remove: false });
  if ((adding && !mounted.add) || (deleting && !mounted.remove)) {
    setMounted({ add: mounted.add || adding, remove: mounted.remove || deleting !== null });
  }
  const headingId = useId();
  // Dialogs opened from a list row return focus to that row's button, or to "Add payment method".
  const addButton = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const returnFocus = () => (opener.current?.isConnected ? opener.current : addButton.current);
  // "Set as default" disappears once its card is the default: focus moves to that row's Delete.
  const deleteButtons = useRef(new Map<string, HTMLButtonElement>());
  const focusDeleteOf = useRef<string | null>(null);
  useEffect(() => {
    const id = focusDeleteOf.current;
    if (!id) return;
    focusDeleteOf.current = null;
    deleteButtons.current.get(id)?.focus();
  });
  const status = methods.isPending
    ? 'loading'
    : methods.isError && !methods.data
      ? 'error'
      : 'success';
  const list = methods.data?.data ?? [];
  const expiry = (method: PaymentMethod) =>
    method.card
      ? new Intl.DateTimeFormat(locale, {
          month: '2-digit',
          year: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(Date.UTC(method.card.expYear, method.card.expMonth - 1, 1)))
      : undefined;

  return (
    <WidgetRoot
      slot="payment-methods"
      status={status}
      className={className}
      aria-busy={status === 'loading'}
    >
      <section
        aria-labelledby={headingId}
        className="cr:flex cr:flex-col cr:gap-3 cr:rounded-card cr:border cr:border-border cr:bg-surface cr:p-(--credits-card-padding)"
      >
        <div className="cr:flex cr:flex-wrap cr:items-center cr:justify-between cr:gap-3">
          <h2 id={headingId} className="cr:m-0 cr:text-base cr:font-semibold">
            {labels.paymentMethods}
          </h2>
          <button
            ref={addButton}
            type="button"
            className="credits-button credits-button--secondary"
            {...preload}
            onClick={(event) => {
              opener.current = event.currentTarget;
              setAdding(true);
            }}
          >
            {labels.addPaymentMethod}
          </button>
        </div>
        {status === 'loading' && (
          <p className="cr:m-0 cr:text-sm cr:text-muted">{labels.loadingPaymentMethods}</p>
        )}
        {status === 'error' && (
          <ErrorState error={methods.error} onRetry={() => void methods.refetch()} />
        )}
        {error && (
          <p role="alert" className="cr:m-0 cr:rounded-md cr:bg-danger-soft cr:p-3 cr:text-sm">
            {error}
          </p>
        )}
        {status === 'success' && list.length === 0 && (
          <p className="cr:m-0 cr:text-sm cr:text-muted">{labels.noSavedCards}</p>
        )}
        {list.length > 0 && (
          <ul className="cr:m-0 cr:flex cr:list-none cr:flex-col cr:divide-y cr:divide-border cr:p-0">
            {list.map((method) => {
              const state = expiryStatus(method);
              const name = paymentMethodName(method, labels);
              return (
                <li
                  key={method.id}
                  data-slot="payment-method"
                  data-default={method.isDefault ? '' : undefined}
                  data-expiry={state}
                  className="cr:flex cr:flex-wrap cr:items-center cr:gap-3 cr:py-3"
                >
                  <span className="cr:flex cr:min-w-0 cr:grow cr:basis-48 cr:flex-col">
                    <span className="cr:font-medium">{name}</span>
                    {expiry(method) && (
                      <span className="cr:text-xs cr:text-muted">
                        {labels.expires(expiry(method) as string)}
                      </span>
                    )}
                  </span>
                  {method.isDefault && (
                    <span className={cn(badge, 'cr:bg-positive-soft cr:text-fg')}>
                      {labels.defaultBadge}
                    </span>
                  )}
                  {state === 'expired' && (
                    <span className={cn(badge, 'cr:bg-danger-soft cr:text-fg')}>
                      {labels.expired}
                    </span>
                  )}
                  {state === 'expires-soon' && (
                    <span className={cn(badge, 'cr:bg-warning-soft cr:text-fg')}>
                      {labels.expiresSoon}
                    </span>
                  )}
                  <span className="cr:flex cr:gap-2">
                    {!method.isDefault && state !== 'expired' && (
                      <button
                        type="button"
                        className="credits-button credits-button--secondary"
                        aria-label={`${labels.setDefault}: ${name}`}
                        disabled={setDefault.isPending}
                        onClick={() => {
                          focusDeleteOf.current = method.id;
                          setDefault.mutate(method.id);
                        }}
                      >
                        {labels.setDefault}
                      </button>
                    )}
                    <button
                      type="button"
                      className="credits-button credits-button--secondary"
                      aria-label={`${labels.deleteCard}: ${name}`}
                      ref={(node) => {
                        if (node) deleteButtons.current.set(method.id, node);
                        else deleteButtons.current.delete(method.id);
                      }}
                      {...preload}
                      onClick={(event) => {
                        opener.current = event.currentTarget;
                        setDeleting(method);
                      }}
                    >
                      {labels.deleteCard}
                    </button>
                  </span>
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
              remove.mutate({ id: method.id, newDefaultId });
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
export function PaymentMethods(props: PaymentMethodsProps) {
  return (
    <WidgetErrorBoundary slot="payment-methods">
      <PaymentMethodsContent {...props} />
    </WidgetErrorBoundary>
  );
}
