/**
 * Just enough of Stripe.js for `<Elements>` and `<PaymentElement>` to mount in a
 * browser test (Stripe.js cannot load here): records the options Elements is
 * created and updated with.
 */
export interface ElementsOptions {
  appearance?: { theme?: string; variables?: Record<string, string> };
}

/** Just enough of Stripe for `<Elements>` and `<PaymentElement>` to mount. */
export function fakeStripe() {
  const created: ElementsOptions[] = [];
  const element = {
    mount() {},
    destroy() {},
    unmount() {},
    on() {
      return element;
    },
    off() {
      return element;
    },
    update() {},
  };
  const stripe = {
    elements(options: ElementsOptions) {
      created.push(options);
      return {
        create: () => element,
        getElement: () => null,
        update(next: ElementsOptions) {
          created.push(next);
        },
        fetchUpdates: async () => ({}),
        submit: async () => ({}),
      };
    },
    // What react-stripe-js checks to tell a Stripe object from anything else.
    createToken: async () => ({}),
    createPaymentMethod: async () => ({}),
    confirmCardPayment: async () => ({}),
    registerAppInfo() {},
    _registerWrapper() {},
  };
  return { stripe, created };
}
