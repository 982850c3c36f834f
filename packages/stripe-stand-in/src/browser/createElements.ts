import type {
  StripeElements,
  StripeElementsOptions,
  StripeElementsUpdateOptions,
  StripeError,
  StripePaymentElement,
} from '@stripe/stripe-js';
import { validationError } from './cardInput.js';
import { createPaymentElement, type PaymentElementInternals } from './createPaymentElement.js';
import { IntegrationError, notModelled } from './notModelled.js';

/** What `confirmPayment`/`confirmSetup` read from an Elements group (not part of Stripe.js's API). */
export interface ElementsInternals {
  options: StripeElementsOptions;
  payment: PaymentElementInternals | undefined;
  /** `elements.submit()` succeeded since the last edit (the deferred-intent flow needs it). */
  submitted: boolean;
}

const internalsOf = new WeakMap<object, ElementsInternals>();

/** The internals of an Elements group this stand-in made, or undefined for anything else. */
export const elementsInternals = (elements: unknown) =>
  typeof elements === 'object' && elements ? internalsOf.get(elements) : undefined;

/**
 * `stripe.elements(options)` (https://docs.stripe.com/js/elements_object/create): with a
 * `clientSecret`, or in the deferred-intent flow with `mode`, `amount`, `currency` and
 * `setupFutureUsage` (https://docs.stripe.com/js/elements_object/create_without_intent), and
 * `appearance`. Only the Payment Element is modelled. `elements.update` merges options
 * (https://docs.stripe.com/js/elements_object/update); `elements.submit` validates the form
 * and shows its errors, and must succeed before a deferred-intent confirm
 * (https://docs.stripe.com/js/elements/submit).
 */
export function createElements(initial: StripeElementsOptions = {}): StripeElements {
  const state: ElementsInternals = {
    options: { ...initial },
    payment: undefined,
    submitted: false,
  };
  let paymentElement: StripePaymentElement | undefined;

  const elements = {
    create(type: string) {
      if (type !== 'payment') return notModelled(`elements.create('${type}')`)();
      if (paymentElement) {
        throw new IntegrationError(
          'Can only create one Element of type payment per Elements group.',
        );
      }
      const { element, internals } = createPaymentElement(() => state.options.appearance);
      element.on('change', () => {
        state.submitted = false;
      });
      paymentElement = element;
      state.payment = internals;
      return element;
    },
    getElement(type: string) {
      return type === 'payment' ? (paymentElement ?? null) : null;
    },
    update(options: StripeElementsUpdateOptions) {
      state.options = { ...state.options, ...options } as StripeElementsOptions;
      state.submitted = false;
    },
    async submit(): Promise<{ error: StripeError } | { selectedPaymentMethod: string }> {
      const payment = state.payment;
      if (!payment?.mounted()) {
        return {
          error: {
            type: 'validation_error',
            message: 'elements.submit() needs a mounted Payment Element.',
          },
        };
      }
      const check = payment.check();
      payment.showErrors(check);
      const error = validationError(check);
      state.submitted = !error;
      return error ? { error } : { selectedPaymentMethod: 'card' };
    },
    async fetchUpdates() {
      return {};
    },
    on: notModelled('elements.on'),
  } satisfies { [Member in keyof StripeElements]: unknown };
  internalsOf.set(elements, state);
  return elements as unknown as StripeElements;
}
