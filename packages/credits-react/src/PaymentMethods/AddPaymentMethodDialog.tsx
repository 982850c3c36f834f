import { useQueryClient } from '@tanstack/react-query';
import { createIdempotencyKey, isCreditsError, type SetupIntent } from 'credits-core';
import { creditsKeys } from 'credits-core/query';
import { sandboxCardForNumber } from 'credits-core/sandbox';
import { Dialog } from 'radix-ui';
import { type FormEvent, lazy, Suspense, useRef, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useCreditsConfig } from '../hooks/useCreditsConfig.js';
import { usePaymentProvider } from '../hooks/usePaymentProvider.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { useLabels } from '../labels/useLabels.js';
import { cn } from '../lib/cn.js';
import { ErrorState } from '../lib/ErrorState.js';
import { SandboxCardFields } from '../lib/SandboxCardFields.js';
import { SandboxChallenge } from '../lib/SandboxChallenge.js';
import { useRootAttributes } from '../lib/useRootAttributes.js';

const StripeCardFields = /* @__PURE__ */ lazy(() => import('../lib/StripeCardFields.js'));

type SetupState =
  | { status: 'idle' }
  | { status: 'saving' }
  | { status: 'challenge'; intent: SetupIntent }
  | { status: 'error'; message: string };

/** Saves a new card through a SetupIntent (sandbox in test mode); the list updates without a reload. */
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
  const { client, account } = useCreditsContext('<PaymentMethods>');
  const root = useRootAttributes('<PaymentMethods>');
  const labels = useLabels(paymentLabels);
  const queryClient = useQueryClient();
  const providerState = usePaymentProvider({ enabled: open });
  const currency = useCreditsConfig({ enabled: open }).data?.currency ?? 'USD';
  const [number, setNumber] = useState('');
  const [cardError, setCardError] = useState<string>();
  const [state, setState] = useState<SetupState>({ status: 'idle' });
  const [elements, setElements] = useState<unknown>(null);
  // One key per attempt: a retried request never creates a second SetupIntent.
  const attemptKey = useRef<string | undefined>(undefined);
  const busy = state.status === 'saving';

  const finish = async (intent: SetupIntent) => {
    if (intent.status === 'requires_action') return setState({ status: 'challenge', intent });
    if (intent.status === 'succeeded') {
      attemptKey.current = undefined;
      await queryClient.invalidateQueries({ queryKey: creditsKeys.paymentMethods(account) });
      setState({ status: 'idle' });
      setNumber('');
      onOpenChange(false);
      return;
    }
    attemptKey.current = undefined;
    const failure = intent.failure;
    setState({
      status: 'error',
      message: failure ? (labels.declines[failure.code] ?? failure.message) : labels.errors.default,
    });
  };

  const fail = (error: unknown) => {
    const code = isCreditsError(error) ? error.code : 'default';
    setState({
      status: 'error',
      message:
        code === 'forbidden'
          ? labels.notAllowedToBuy
          : (labels.errors[code as keyof typeof labels.errors] ?? labels.errors.default),
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || providerState.status !== 'ready') return;
    let details: { token?: string; elements?: unknown };
    if (providerState.kind === 'stripe') {
      if (!elements) return;
      details = { elements };
    } else {
      const card = sandboxCardForNumber(number);
      if (!card) return setCardError(labels.invalidTestCard);
      setCardError(undefined);
      details = { token: card.token };
    }
    setState({ status: 'saving' });
    try {
      await providerState.provider.prepareNewCard?.(details);
      attemptKey.current ??= createIdempotencyKey();
      const intent = await client.createSetupIntent({ idempotencyKey: attemptKey.current });
      await finish(await providerState.provider.confirmSetup(intent, details));
    } catch (error) {
      fail(error);
    }
  };

  const authenticate = async (intent: SetupIntent, outcome: 'complete' | 'fail') => {
    if (providerState.status !== 'ready') return;
    setState({ status: 'saving' });
    try {
      await finish(await providerState.provider.handleSetupNextAction(intent, outcome));
    } catch (error) {
      fail(error);
    }
  };

  return (
    <Dialog.Root open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <Dialog.Portal>
        <div {...root}>
          <Dialog.Overlay className="cr:fixed cr:inset-0 cr:z-50 cr:bg-black/50" />
          <Dialog.Content
            data-slot="add-payment-method-dialog"
            onCloseAutoFocus={(event) => {
              event.preventDefault();
              returnFocus()?.focus();
            }}
            className="cr:fixed cr:start-1/2 cr:top-1/2 cr:z-50 cr:flex cr:w-[min(28rem,calc(100vw-2rem))] cr:-translate-x-1/2 cr:-translate-y-1/2 cr:rtl:translate-x-1/2 cr:flex-col cr:gap-4 cr:rounded-card cr:border cr:border-border cr:bg-surface cr:p-6 cr:text-fg cr:shadow-xl"
          >
            <Dialog.Title className="cr:m-0 cr:text-lg cr:font-semibold">
              {labels.addPaymentMethod}
            </Dialog.Title>
            <Dialog.Description className="cr:sr-only">
              {labels.addPaymentMethod}
            </Dialog.Description>
            {state.status === 'challenge' ? (
              <SandboxChallenge onAnswer={(outcome) => authenticate(state.intent, outcome)} />
            ) : (
              <form onSubmit={submit} noValidate className="cr:flex cr:flex-col cr:gap-4">
                {providerState.status === 'error' && (
                  <ErrorState error={providerState.error} onRetry={providerState.retry} />
                )}
                {providerState.status === 'unavailable' && (
                  <p role="alert" className="cr:m-0 cr:text-sm cr:text-danger">
                    {labels.noPaymentProvider}
                  </p>
                )}
                {providerState.status === 'ready' && providerState.kind === 'sandbox' && (
                  <SandboxCardFields number={number} onNumberChange={setNumber} error={cardError} />
                )}
                {providerState.status === 'ready' && providerState.kind === 'stripe' && (
                  <Suspense
                    fallback={
                      <p className="cr:m-0 cr:text-sm cr:text-muted">{labels.loadingCardForm}</p>
                    }
                  >
                    <StripeCardFields
                      getStripe={providerState.getStripe}
                      intent={{ mode: 'setup', currency }}
                      onElements={setElements}
                    />
                  </Suspense>
                )}
                {state.status === 'error' && (
                  <p
                    role="alert"
                    className="cr:m-0 cr:rounded-md cr:bg-danger-soft cr:p-3 cr:text-sm"
                  >
                    {state.message}
                  </p>
                )}
                <div className="cr:flex cr:gap-2">
                  <button
                    type="submit"
                    className={cn('credits-button credits-button--primary')}
                    disabled={
                      busy ||
                      providerState.status !== 'ready' ||
                      // With Stripe, saving needs the card form: never a press that does nothing.
                      (providerState.kind === 'stripe' && !elements)
                    }
                    aria-busy={busy || undefined}
                  >
                    {labels.saveCardButton}
                  </button>
                  <Dialog.Close
                    className="credits-button credits-button--secondary"
                    disabled={busy}
                  >
                    {labels.cancel}
                  </Dialog.Close>
                </div>
              </form>
            )}
          </Dialog.Content>
        </div>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
