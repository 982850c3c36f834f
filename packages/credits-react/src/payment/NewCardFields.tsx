import { lazy, Suspense } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { SandboxCardFields, type SandboxCardFieldsProps } from './SandboxCardFields.js';
import type { StripeCardFieldsProps } from './StripeCardFields.js';
import type { NewCardState } from './useNewCard.js';

// The Payment Element and Stripe.js load only when a card form is about to show.
const StripeCardFields = /* @__PURE__ */ lazy(() => import('./StripeCardFields.js'));

/**
 * The new-card form of whichever provider is ready: the sandbox's test-card
 * field, or Stripe's Payment Element (loaded on demand). Nothing before then.
 */
export function NewCardFields({
  providerState,
  number,
  onNumberChange,
  error,
  onElements,
  intent,
  badge,
}: NewCardState['fields'] &
  Pick<SandboxCardFieldsProps, 'badge'> & {
    /** What the Stripe form is for; `undefined` until it is known (no form yet). */
    intent: StripeCardFieldsProps['intent'] | undefined;
  }) {
  const labels = useLabels(paymentLabels);
  const { theme } = useCreditsContext('<NewCardFields>');
  if (providerState.status !== 'ready') return null;
  if (providerState.kind === 'sandbox')
    return (
      <SandboxCardFields
        number={number}
        onNumberChange={onNumberChange}
        error={error}
        badge={badge}
      />
    );
  return (
    <Suspense
      fallback={<p className="cr:m-0 cr:text-sm cr:text-muted">{labels.loadingCardForm}</p>}
    >
      {intent && (
        <StripeCardFields
          getStripe={providerState.getStripe}
          intent={intent}
          onElements={onElements}
          theme={theme}
          unavailable={labels.stripeUnavailable}
        />
      )}
    </Suspense>
  );
}
