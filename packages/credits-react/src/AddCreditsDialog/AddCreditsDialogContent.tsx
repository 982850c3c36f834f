import type { CreditPackage, Purchase } from 'credits-core';
import type { PurchaseFlow, PurchaseFlowState } from 'credits-core/payments';
import { sandboxCardForNumber } from 'credits-core/sandbox';
import { Dialog } from 'radix-ui';
import { type FormEvent, lazy, Suspense, useId, useState } from 'react';
import { useFormatters } from '../hooks/useFormatters.js';
import { usePackages } from '../hooks/usePackages.js';
import { usePaymentMethods } from '../hooks/usePaymentMethods.js';
import { type PaymentProviderState, usePaymentProvider } from '../hooks/usePaymentProvider.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { useLabels } from '../labels/useLabels.js';
import { cn } from '../lib/cn.js';
import { expiryStatus, paymentMethodName } from '../lib/describePaymentMethod.js';
import { ErrorState } from '../lib/ErrorState.js';
import { focusOnMount } from '../lib/focusOnMount.js';
import { SandboxCardFields } from '../lib/SandboxCardFields.js';
import { SandboxChallenge } from '../lib/SandboxChallenge.js';
import { useRootAttributes } from '../lib/useRootAttributes.js';
import { WidgetErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { usePurchaseFlow } from './usePurchaseFlow.js';

// The Payment Element and Stripe.js load only when a card form is about to show.
const StripeCardFields = /* @__PURE__ */ lazy(() => import('../lib/StripeCardFields.js'));

const NEW_CARD = 'new-card';
const option =
  'cr:flex cr:cursor-pointer cr:flex-wrap cr:items-center cr:gap-3 cr:rounded-md cr:border cr:border-border cr:p-3 cr:text-sm cr:has-checked:border-accent cr:has-checked:ring-2 cr:has-checked:ring-accent';

function SucceededView({ state }: { state: Extract<PurchaseFlowState, { status: 'succeeded' }> }) {
  const labels = useLabels(paymentLabels);
  const format = useFormatters();
  return (
    <div data-slot="purchase-success" className="cr:flex cr:flex-col cr:items-start cr:gap-3">
      <p role="status" className="cr:m-0 cr:text-2xl cr:font-semibold cr:text-positive">
        {labels.purchaseSucceeded(format.count(state.purchase.credits))}
      </p>
      {state.purchase.balance && (
        <p className="cr:m-0 cr:text-sm cr:text-muted">
          {labels.newBalance(format.count(state.purchase.balance.available))}
        </p>
      )}
      <Dialog.Close ref={focusOnMount} className="credits-button credits-button--primary">
        {labels.done}
      </Dialog.Close>
    </div>
  );
}

interface PurchaseFormProps {
  flow: PurchaseFlow | null;
  state: PurchaseFlowState;
  providerState: PaymentProviderState;
  /** A payment kept across a page reload is being picked up again. */
  resuming: boolean;
}

function PurchaseForm({ flow, state, providerState, resuming }: PurchaseFormProps) {
  const labels = useLabels(paymentLabels);
  const format = useFormatters();
  const packages = usePackages();
  const methods = usePaymentMethods();
  const provider = providerState.status === 'ready' ? providerState.provider : undefined;
  const ids = { packages: useId(), methods: useId(), status: useId() };

  const [packageId, setPackageId] = useState<string>();
  const [methodId, setMethodId] = useState<string>();
  const [cardNumber, setCardNumber] = useState('');
  const [saveCard, setSaveCard] = useState(true);
  const [cardError, setCardError] = useState<string>();
  const [elements, setElements] = useState<unknown>(null);

  const list = packages.data?.data ?? [];
  const saved = methods.data?.data ?? [];
  const selectedPackage: CreditPackage | undefined =
    list.find((p) => p.id === packageId) ?? list[0];
  // The default card first, else the first saved one; never an expired card (its radio is disabled).
  // Nothing is chosen while the saved cards load: "Use a new card" would flip to the default
  // card when they arrive, and a press on Pay in between would go to a form the user never saw.
  const usable = saved.filter((m) => expiryStatus(m) !== 'expired');
  const methodsKnown = methods.data !== undefined || methods.isError;
  const selectedMethod =
    methodId ??
    usable.find((m) => m.isDefault)?.id ??
    usable[0]?.id ??
    (methodsKnown ? NEW_CARD : undefined);
  const busy =
    state.status === 'paying' || state.status === 'challenge' || state.status === 'processing';
  const forbidden = state.status === 'error' && state.error.code === 'forbidden';
  const stripeCard =
    selectedMethod === NEW_CARD &&
    providerState.status === 'ready' &&
    providerState.kind === 'stripe';
  // Pay is enabled only when a press can start a payment: never a click that silently does nothing.
  const ready = Boolean(
    flow && selectedPackage && selectedMethod && provider && (!stripeCard || elements),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!flow || !selectedPackage || !selectedMethod || busy || !ready) return;
    // Enter in a field while "Try again" shows: repeat the unfinished attempt, never a new one.
    if (state.status === 'error' && state.retryable) {
      void flow.retry();
      return;
    }
    if (stripeCard) {
      void flow.pay(selectedPackage.id, {
        type: 'new',
        card: { elements, savePaymentMethod: saveCard },
      });
    } else if (selectedMethod === NEW_CARD) {
      const card = sandboxCardForNumber(cardNumber);
      if (!card) {
        setCardError(labels.invalidTestCard);
        return;
      }
      setCardError(undefined);
      void flow.pay(selectedPackage.id, {
        type: 'new',
        card: { token: card.token, savePaymentMethod: saveCard },
      });
    } else {
      void flow.pay(selectedPackage.id, { type: 'saved', paymentMethodId: selectedMethod });
    }
  };

  if (state.status === 'succeeded') {
    return <SucceededView state={state} />;
  }

  if (state.status === 'challenge') {
    return (
      <div data-slot="purchase-challenge">
        <SandboxChallenge title onAnswer={(outcome) => void flow?.authenticate(outcome)} />
      </div>
    );
  }

  // Resumed after a reload: never offer to pay while we find out where the payment stands.
  if (
    state.status === 'processing' ||
    (resuming && (state.status === 'idle' || state.status === 'paying'))
  ) {
    return (
      <div data-slot="purchase-processing" className="cr:flex cr:flex-col cr:items-start cr:gap-3">
        <p role="status" className="cr:m-0 cr:text-sm">
          {labels.processingPayment}
        </p>
        <Dialog.Close className="credits-button credits-button--secondary">
          {labels.close}
        </Dialog.Close>
      </div>
    );
  }

  const failure =
    state.status === 'declined'
      ? (labels.declines[state.failure.code] ?? state.failure.message)
      : state.status === 'error'
        ? forbidden
          ? labels.notAllowedToBuy
          : (labels.errors[state.error.code as keyof typeof labels.errors] ?? labels.errors.default)
        : undefined;

  return (
    <form
      onSubmit={submit}
      noValidate
      className="cr:flex cr:flex-col cr:gap-5"
      aria-describedby={ids.status}
    >
      {packages.isError && (
        <ErrorState error={packages.error} onRetry={() => void packages.refetch()} />
      )}
      {providerState.status === 'error' && (
        <ErrorState error={providerState.error} onRetry={providerState.retry} />
      )}
      <fieldset
        className="cr:m-0 cr:flex cr:min-w-0 cr:flex-col cr:gap-2 cr:border-0 cr:p-0"
        disabled={busy}
      >
        <legend className="cr:mb-2 cr:text-sm cr:font-semibold">{labels.choosePackage}</legend>
        {packages.isPending && (
          <p className="cr:m-0 cr:text-sm cr:text-muted">{labels.loadingPackages}</p>
        )}
        {list.map((pkg) => (
          <label key={pkg.id} className={option} data-slot="package-option">
            <input
              type="radio"
              name={ids.packages}
              value={pkg.id}
              checked={selectedPackage?.id === pkg.id}
              onChange={() => setPackageId(pkg.id)}
              className="cr:size-4 cr:accent-(--credits-accent)"
            />
            <span className="cr:flex cr:flex-1 cr:flex-col">
              <span className="cr:font-semibold">
                {labels.credits(format.count(pkg.credits))}
                {pkg.label ? (
                  <span className="cr:font-normal cr:text-muted"> · {pkg.label}</span>
                ) : null}
              </span>
              <span className="cr:text-xs cr:text-muted">
                {labels.pricePerThousand(
                  format.money({
                    amount: Math.round((pkg.price.amount * 1000) / pkg.credits),
                    currency: pkg.price.currency,
                  }),
                  format.count(1_000),
                )}
              </span>
            </span>
            {pkg.badge && (
              <span className="credits-badge cr:rounded-full cr:bg-positive-soft cr:px-2 cr:py-0.5 cr:text-xs cr:font-semibold">
                {pkg.badge}
              </span>
            )}
            <span className="cr:ms-auto cr:font-semibold cr:tabular-nums">
              {format.money(pkg.price)}
            </span>
          </label>
        ))}
      </fieldset>

      <fieldset
        className="cr:m-0 cr:flex cr:min-w-0 cr:flex-col cr:gap-2 cr:border-0 cr:p-0"
        disabled={busy}
      >
        <legend className="cr:mb-2 cr:text-sm cr:font-semibold">{labels.paymentMethod}</legend>
        {saved.map((method) => {
          const expiry = expiryStatus(method);
          return (
            <label key={method.id} className={option} data-slot="payment-method-option">
              <input
                type="radio"
                name={ids.methods}
                value={method.id}
                checked={selectedMethod === method.id}
                onChange={() => setMethodId(method.id)}
                disabled={expiry === 'expired'}
                className="cr:size-4 cr:accent-(--credits-accent)"
              />
              <span className="cr:flex-1">{paymentMethodName(method, labels)}</span>
              {method.isDefault && (
                <span className="cr:text-xs cr:text-muted">{labels.defaultBadge}</span>
              )}
              {expiry === 'expired' && (
                <span className="cr:text-xs cr:text-danger">{labels.expired}</span>
              )}
            </label>
          );
        })}
        <label className={option} data-slot="payment-method-option">
          <input
            type="radio"
            name={ids.methods}
            value={NEW_CARD}
            checked={selectedMethod === NEW_CARD}
            onChange={() => setMethodId(NEW_CARD)}
            className="cr:size-4 cr:accent-(--credits-accent)"
          />
          <span className="cr:flex-1">{labels.useNewCard}</span>
        </label>
        {selectedMethod === NEW_CARD && providerState.status === 'ready' && (
          <>
            {providerState.kind === 'stripe' ? (
              <Suspense
                fallback={
                  <p className="cr:m-0 cr:text-sm cr:text-muted">{labels.loadingCardForm}</p>
                }
              >
                {selectedPackage && (
                  <StripeCardFields
                    getStripe={providerState.getStripe}
                    intent={{
                      mode: 'payment',
                      amount: selectedPackage.price.amount,
                      currency: selectedPackage.price.currency,
                      savePaymentMethod: saveCard,
                    }}
                    onElements={setElements}
                  />
                )}
              </Suspense>
            ) : (
              <SandboxCardFields
                number={cardNumber}
                onNumberChange={setCardNumber}
                error={cardError}
              />
            )}
            <label className="cr:flex cr:min-h-6 cr:items-center cr:gap-2 cr:text-sm">
              <input
                type="checkbox"
                checked={saveCard}
                onChange={(event) => setSaveCard(event.target.checked)}
                className="cr:size-4"
              />
              {labels.saveCard}
            </label>
          </>
        )}
      </fieldset>

      {providerState.status === 'unavailable' && (
        <p role="alert" className="cr:m-0 cr:text-sm cr:text-danger">
          {labels.noPaymentProvider}
        </p>
      )}
      {failure && (
        <p
          role="alert"
          data-slot="purchase-failure"
          className="cr:m-0 cr:rounded-md cr:bg-danger-soft cr:p-3 cr:text-sm"
        >
          {failure}
        </p>
      )}
      <div className="cr:flex cr:flex-wrap cr:items-center cr:gap-3">
        {state.status === 'error' && state.retryable ? (
          <button
            type="button"
            className="credits-button credits-button--primary"
            onClick={() => void flow?.retry()}
          >
            {labels.tryAgain}
          </button>
        ) : (
          <button
            type="submit"
            data-slot="pay-button"
            className="credits-button credits-button--primary"
            disabled={busy || forbidden || !ready}
            aria-busy={busy || undefined}
          >
            {selectedPackage ? labels.pay(format.money(selectedPackage.price)) : labels.pay('')}
          </button>
        )}
        <p id={ids.status} role="status" className="cr:m-0 cr:text-sm cr:text-muted">
          {state.status === 'paying' ? labels.payingNow : ''}
        </p>
      </div>
    </form>
  );
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
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPurchaseComplete?: (purchase: Purchase) => void;
  className?: string;
  /** Where focus goes when the dialog closes. */
  returnFocus: () => HTMLElement | null | undefined;
}) {
  const root = useRootAttributes('<AddCreditsDialog>');
  const labels = useLabels(paymentLabels);
  const providerState = usePaymentProvider({ enabled: true });
  const { flow, state, resuming } = usePurchaseFlow(
    providerState.status === 'ready' ? providerState.provider : undefined,
    onPurchaseComplete,
  );
  // While a payment is being made the dialog cannot be dismissed by accident.
  const locked = state.status === 'paying';
  const setOpen = (next: boolean) => {
    if (!next && locked) return;
    // A finished attempt starts fresh next time; one still processing keeps polling, and one
    // whose outcome is unknown (Try again) stays, so reopening can only repeat it.
    if (
      !next &&
      (state.status === 'succeeded' ||
        state.status === 'declined' ||
        (state.status === 'error' && !state.retryable))
    )
      flow?.reset();
    onOpenChange(next);
  };
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Portal>
        <div {...root} data-slot="add-credits-dialog-root">
          <Dialog.Overlay className="cr:fixed cr:inset-0 cr:z-50 cr:bg-black/50" />
          <Dialog.Content
            data-slot="add-credits-dialog"
            className={cn(
              'cr:fixed cr:start-1/2 cr:top-1/2 cr:z-50 cr:flex cr:max-h-[90vh] cr:w-[min(32rem,calc(100vw-2rem))] cr:-translate-x-1/2 cr:-translate-y-1/2 cr:rtl:translate-x-1/2 cr:flex-col cr:gap-4 cr:overflow-y-auto cr:rounded-card cr:border cr:border-border cr:bg-surface cr:p-6 cr:text-fg cr:shadow-xl',
              className,
            )}
            onEscapeKeyDown={(event) => locked && event.preventDefault()}
            onPointerDownOutside={(event) => locked && event.preventDefault()}
            onInteractOutside={(event) => locked && event.preventDefault()}
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              returnFocus()?.focus();
            }}
          >
            <Dialog.Title className="cr:m-0 cr:text-lg cr:font-semibold">
              {labels.addCreditsTitle}
            </Dialog.Title>
            <Dialog.Description className="cr:m-0 cr:text-sm cr:text-muted">
              {labels.addCreditsDescription}
            </Dialog.Description>
            <WidgetErrorBoundary slot="add-credits-body">
              <PurchaseForm
                flow={flow}
                state={state}
                providerState={providerState}
                resuming={resuming}
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
