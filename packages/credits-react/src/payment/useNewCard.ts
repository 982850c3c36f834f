import type { NewCardDetails } from 'credits-core/payments';
import { sandboxTokenForNumber } from 'credits-core/sandbox';
import { useState } from 'react';
import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import type { PaymentProviderState } from './usePaymentProvider.js';

/**
 * What the user typed into the new-card form, for any form that takes a new
 * card (buy credits, save a card): the sandbox's test number or Stripe's
 * Elements, and `read()` to turn it into the card details a flow takes.
 */
export function useNewCard(providerState: PaymentProviderState) {
  const labels = useLabels(paymentLabels);
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string>();
  const [elements, setElements] = useState<unknown>(null);
  const stripe = providerState.status === 'ready' && providerState.kind === 'stripe';
  return {
    /** A press can go ahead: a provider is ready and, with Stripe, its form is mounted. */
    ready: providerState.status === 'ready' && (!stripe || elements !== null),
    /** The card entered, or `undefined` when there is none yet (the field then says why). */
    read(): NewCardDetails | undefined {
      if (providerState.status !== 'ready') return undefined;
      if (stripe) return elements ? { elements } : undefined;
      const token = sandboxTokenForNumber(number);
      setError(token ? undefined : labels.invalidTestCard);
      return token ? { token } : undefined;
    },
    clear: () => setNumber(''),
    /** Props for `<NewCardFields>`. */
    fields: { providerState, number, onNumberChange: setNumber, error, onElements: setElements },
  };
}

export type NewCardState = ReturnType<typeof useNewCard>;
