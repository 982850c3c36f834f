import type {
  Appearance,
  StripePaymentElement,
  StripePaymentElementChangeEvent,
} from '@stripe/stripe-js';
import {
  type CardCheck,
  type CardValues,
  checkCard,
  formatCvc,
  formatExpiry,
  formatNumber,
} from './cardInput.js';
import { IntegrationError, notModelled } from './notModelled.js';

type Handler = (event: unknown) => void;

/** What Elements and Stripe read from a mounted Payment Element (not part of Stripe.js's API). */
export interface PaymentElementInternals {
  values(): CardValues;
  check(): CardCheck;
  /** Shows each field's problem under it, as the Element does after `elements.submit()`. */
  showErrors(check: CardCheck): void;
  mounted(): boolean;
}

let instances = 0;

const FIELDS = [
  {
    name: 'number',
    label: 'Card number',
    autocomplete: 'cc-number',
    placeholder: '1234 1234 1234 1234',
    format: formatNumber,
  },
  {
    name: 'expiry',
    label: 'Expiration date',
    autocomplete: 'cc-exp',
    placeholder: 'MM / YY',
    format: formatExpiry,
  },
  {
    name: 'cvc',
    label: 'Security code',
    autocomplete: 'cc-csc',
    placeholder: 'CVC',
    format: formatCvc,
  },
] as const;

/**
 * The Payment Element (https://docs.stripe.com/js/elements_object/create_payment_element) with
 * the card form only: real labelled inputs for number, expiry and CVC mounted into the
 * container (`element.mount`, https://docs.stripe.com/js/element/mount), formatted as typed,
 * and the events Stripe.js documents: `ready` once mounted
 * (https://docs.stripe.com/js/element/events/on_ready), `change` with `empty`/`complete`/
 * `value.type` on every edit (https://docs.stripe.com/js/element/events/on_change?type=paymentElement),
 * `focus` and `blur`. Real Stripe renders this inside its own iframe; here the inputs sit in
 * the host's document, styled only through the CSSOM (so a strict CSP allows it) from
 * `appearance.variables` (https://docs.stripe.com/elements/appearance-api).
 */
export function createPaymentElement(appearance: () => Appearance | undefined): {
  element: StripePaymentElement;
  internals: PaymentElementInternals;
} {
  const id = `stripe-stand-in-${++instances}`;
  const handlers = new Map<string, Set<Handler>>();
  const inputs = new Map<keyof CardValues, HTMLInputElement>();
  const errorNodes = new Map<keyof CardValues, HTMLElement>();
  let root: HTMLElement | undefined;
  let destroyed = false;

  const emit = (type: string, event: unknown) => {
    for (const handler of [...(handlers.get(type) ?? [])]) handler(event);
  };
  const values = (): CardValues => ({
    number: inputs.get('number')?.value ?? '',
    expiry: inputs.get('expiry')?.value ?? '',
    cvc: inputs.get('cvc')?.value ?? '',
  });
  const changeEvent = (): StripePaymentElementChangeEvent => {
    const { empty, complete } = checkCard(values());
    return { elementType: 'payment', empty, complete, collapsed: false, value: { type: 'card' } };
  };

  function style(node: HTMLElement, kind: 'input' | 'label' | 'error') {
    const variables = appearance()?.variables ?? {};
    if (variables.fontFamily) node.style.fontFamily = variables.fontFamily;
    if (kind === 'error') {
      node.style.color = variables.colorDanger ?? '#df1b41';
      return;
    }
    node.style.color = variables.colorText ?? '#30313d';
    if (kind === 'input') {
      node.style.background = variables.colorBackground ?? '#ffffff';
      node.style.borderRadius = variables.borderRadius ?? '5px';
      node.style.border = '1px solid #8c8c8c';
      node.style.padding = '0.5rem';
      node.style.width = '100%';
      node.style.boxSizing = 'border-box';
    }
  }

  function render(container: HTMLElement) {
    root = document.createElement('div');
    root.dataset.stripeStandIn = 'payment-element';
    root.setAttribute('role', 'group');
    root.setAttribute('aria-label', 'Card');
    root.style.display = 'grid';
    root.style.gap = '0.5rem';
    for (const field of FIELDS) {
      const row = document.createElement('div');
      const label = document.createElement('label');
      const input = document.createElement('input');
      const error = document.createElement('p');
      input.id = `${id}-${field.name}`;
      label.htmlFor = input.id;
      label.textContent = field.label;
      label.style.display = 'block';
      input.type = 'text';
      input.inputMode = 'numeric';
      input.autocomplete = field.autocomplete;
      input.placeholder = field.placeholder;
      error.id = `${input.id}-error`;
      error.hidden = true;
      error.style.margin = '0.25rem 0 0';
      input.setAttribute('aria-describedby', error.id);
      input.addEventListener('input', () => {
        input.value = field.format(input.value);
        clearError(field.name);
        emit('change', changeEvent());
      });
      input.addEventListener('focus', () => emit('focus', { elementType: 'payment' }));
      input.addEventListener('blur', () => emit('blur', { elementType: 'payment' }));
      style(label, 'label');
      style(input, 'input');
      style(error, 'error');
      row.append(label, input, error);
      root.append(row);
      inputs.set(field.name, input);
      errorNodes.set(field.name, error);
    }
    container.append(root);
  }

  function clearError(name: keyof CardValues) {
    const error = errorNodes.get(name);
    inputs.get(name)?.removeAttribute('aria-invalid');
    if (error) {
      error.hidden = true;
      error.textContent = '';
    }
  }

  const element = {
    mount(target: string | HTMLElement) {
      if (destroyed) throw new IntegrationError('This Element has already been destroyed.');
      const container = typeof target === 'string' ? document.querySelector(target) : target;
      if (!(container instanceof HTMLElement)) {
        throw new IntegrationError(
          `The selector you specified (${String(target)}) applies to no DOM elements.`,
        );
      }
      if (root) throw new IntegrationError('This Element is already mounted.');
      render(container);
      // Ready once rendered, after the caller has had a chance to listen (as Stripe.js does).
      setTimeout(() => {
        if (root) emit('ready', { elementType: 'payment' });
      }, 0);
    },
    unmount() {
      root?.remove();
      root = undefined;
      inputs.clear();
      errorNodes.clear();
    },
    destroy() {
      element.unmount();
      handlers.clear();
      destroyed = true;
    },
    focus() {
      inputs.get('number')?.focus();
    },
    blur() {
      for (const input of inputs.values()) input.blur();
    },
    clear() {
      for (const [name, input] of inputs) {
        input.value = '';
        clearError(name);
      }
      emit('change', changeEvent());
    },
    on(type: string, handler: Handler) {
      if (!handlers.has(type)) handlers.set(type, new Set());
      handlers.get(type)!.add(handler);
      return element;
    },
    once(type: string, handler: Handler) {
      const once: Handler = (event) => {
        element.off(type, once);
        handler(event);
      };
      return element.on(type, once);
    },
    off(type: string, handler?: Handler) {
      if (handler) handlers.get(type)?.delete(handler);
      else handlers.delete(type);
      return element;
    },
    /** Options that change the layout or wallets (https://docs.stripe.com/js/element/other_methods/update?type=paymentElement) change nothing here: only the card form is modelled. */
    update() {
      return element;
    },
    collapse: notModelled('paymentElement.collapse'),
    // Every member of Stripe.js's type, and no other (the overloaded `on`/`off` are cast below).
  } satisfies { [Member in keyof StripePaymentElement]: unknown };

  return {
    element: element as unknown as StripePaymentElement,
    internals: {
      values,
      check: () => checkCard(values()),
      mounted: () => root !== undefined,
      showErrors(check) {
        for (const field of FIELDS) {
          const problem = check.errors[field.name];
          const error = errorNodes.get(field.name);
          if (!problem || !error) {
            clearError(field.name);
            continue;
          }
          error.textContent = problem.message;
          error.hidden = false;
          inputs.get(field.name)?.setAttribute('aria-invalid', 'true');
        }
      },
    },
  };
}
