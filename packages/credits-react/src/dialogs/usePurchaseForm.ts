import { choosePaymentMethod, expiryStatus } from 'credits-core';
import type { PurchaseFlow, PurchaseFlowState } from 'credits-core/payments';
import { type FormEvent, useId, useState } from 'react';
import { useCreditsConfig } from '../hooks/useCreditsConfig.js';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { usePackages } from '../hooks/usePackages.js';
import { usePaymentMethods } from '../hooks/usePaymentMethods.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { useIsolateValues } from '../lib/useIsolateValues.js';
import { flowMessage } from '../payment/flowMessage.js';
import { useNewCard } from '../payment/useNewCard.js';
import type { PaymentProviderState } from '../payment/usePaymentProvider.js';

const NEW_CARD = 'new-card';

/** Props of one radio: checked state and what choosing it does. */
const radio = (name: string, value: string, checked: boolean, choose: () => void) => ({
  type: 'radio' as const,
  name,
  value,
  checked,
  onChange: choose,
});

/**
 * The purchase form's state and rules, for a view that only renders: which
 * package and card are chosen (the default card pre-selected, never an
 * expired one), the props of every radio, of the Pay button and of the form,
 * and where a press goes (pay, or repeat the unfinished attempt). The chosen package is kept
 * by the dialog (`chosen`), so an attempt whose outcome is unknown is summed up with its own
 * package when the dialog is reopened on "Try again".
 */
export function usePurchaseForm(
  flow: PurchaseFlow,
  state: PurchaseFlowState,
  providerState: PaymentProviderState,
  [packageId, setPackageId]: [string | undefined, (id: string) => void],
) {
  const labels = useLabels(paymentLabels);
  const isolate = useIsolateValues();
  const format = useFormatters();
  const packages = usePackages();
  const methods = usePaymentMethods();
  const card = useNewCard(providerState);
  const mode = useCreditsConfig().data?.mode;
  const ids = { packages: useId(), methods: useId(), status: useId() };
  const [methodId, setMethodId] = useState<string>();
  const [saveCard, setSaveCard] = useState(true);

  const list = packages.data?.data ?? [];
  const saved = methods.data?.data ?? [];
  const selectedPackage = list.find((p) => p.id === packageId) ?? list[0];
  // Nothing is chosen while the saved cards load: "Use a new card" would flip to the default
  // card when they arrive, and a press on Pay in between would go to a form the user never saw.
  const methodsKnown = methods.data !== undefined || methods.isError;
  const selectedMethod =
    methodId ?? choosePaymentMethod(saved)?.id ?? (methodsKnown ? NEW_CARD : undefined);
  const newCard = selectedMethod === NEW_CARD;
  const busy =
    state.status === 'paying' || state.status === 'challenge' || state.status === 'processing';
  const forbidden = state.status === 'error' && state.error.code === 'forbidden';
  const retryable = state.status === 'error' && state.retryable;
  // Pay is enabled only when a press can start a payment: never a click that silently does nothing.
  const ready = Boolean(
    selectedPackage && selectedMethod && (newCard ? card.ready : providerState.status === 'ready'),
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!selectedPackage || !selectedMethod || busy || !ready) return;
    // Enter in a field while "Try again" shows: repeat the unfinished attempt, never a new one.
    if (retryable) return void flow.retry();
    if (!newCard)
      return void flow.pay(selectedPackage.id, { type: 'saved', paymentMethodId: selectedMethod });
    const details = card.read();
    if (details)
      void flow.pay(selectedPackage.id, {
        type: 'new',
        card: { ...details, savePaymentMethod: saveCard },
      });
  };

  return {
    packages,
    busy,
    /** The package can't change while "Try again" repeats the attempt made for it. */
    packagesLocked: busy || retryable,
    selectedPackage,
    /**
     * Who takes the payment, as far as the widget knows it: Stripe; and test mode (no real money
     * moves: the contract's `mode: 'test'`; the sandbox is only ever test mode).
     */
    stripe: providerState.status === 'ready' && providerState.kind === 'stripe',
    testMode: mode === 'test',
    form: { onSubmit: submit, noValidate: true, 'aria-describedby': ids.status },
    packageOptions: list.map((pkg) => ({
      pkg,
      radio: radio(ids.packages, pkg.id, selectedPackage?.id === pkg.id, () =>
        setPackageId(pkg.id),
      ),
    })),
    methodOptions: saved.map((method) => {
      const expired = expiryStatus(method) === 'expired';
      return {
        method,
        expired,
        radio: {
          ...radio(ids.methods, method.id, selectedMethod === method.id, () =>
            setMethodId(method.id),
          ),
          disabled: expired,
        },
      };
    }),
    newCardRadio: radio(ids.methods, NEW_CARD, newCard, () => setMethodId(NEW_CARD)),
    /** The new-card fields and "save this card", shown while "Use a new card" is chosen. */
    newCard: newCard && providerState.status === 'ready' ? card.fields : undefined,
    stripeIntent: selectedPackage && {
      mode: 'payment' as const,
      amount: selectedPackage.price.amount,
      currency: selectedPackage.price.currency,
      savePaymentMethod: saveCard,
    },
    saveCard: {
      type: 'checkbox' as const,
      checked: saveCard,
      onChange: (event: { target: { checked: boolean } }) => setSaveCard(event.target.checked),
    },
    failure: flowMessage(state, labels),
    /** "Try again" instead of Pay: repeats the attempt whose outcome is unknown. */
    tryAgain: retryable ? { type: 'button' as const, onClick: () => void flow.retry() } : undefined,
    pay: {
      type: 'submit' as const,
      disabled: busy || forbidden || !ready,
      'aria-busy': busy || undefined,
      children: isolate((mark) =>
        labels.pay(selectedPackage ? mark(format.money(selectedPackage.price)) : ''),
      ),
    },
    status: { id: ids.status, children: state.status === 'paying' ? labels.payingNow : '' },
  };
}

export type PurchaseFormProps = ReturnType<typeof usePurchaseForm>;
