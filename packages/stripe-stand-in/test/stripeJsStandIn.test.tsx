import { Elements, PaymentElement } from '@stripe/react-stripe-js';
import type { StripeElements, Stripe as StripeJs, StripePaymentElement } from '@stripe/stripe-js';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  createStripeJsStandIn,
  IntegrationError,
  THREE_D_SECURE_MESSAGE,
} from '../src/browser/index';
import { useStandIn } from './useStandIn';

const fixture = useStandIn();
let stripeJs: StripeJs;
beforeAll(() => {
  stripeJs = createStripeJsStandIn(fixture.standIn.publishableKey, {
    apiBase: fixture.standIn.origin,
  });
});
// Each test mounts its own Payment Element: none is left behind by a failed one.
afterEach(() => document.body.replaceChildren());

/** A Payment Element mounted in the document, in the deferred-intent flow the widgets use. */
function mountPaymentElement(
  options: Parameters<StripeJs['elements']>[0] = { mode: 'payment', amount: 1000, currency: 'usd' },
) {
  const container = document.createElement('div');
  document.body.append(container);
  const elements = stripeJs.elements(options as never);
  const element = elements.create('payment') as StripePaymentElement;
  element.mount(container);
  return { elements, element, container };
}

async function typeCard(number: string, expiry = '12 / 34', cvc = '123') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText('Card number'), number);
  if (expiry) await user.type(screen.getByLabelText('Expiration date'), expiry);
  if (cvc) await user.type(screen.getByLabelText('Security code'), cvc);
}

async function newIntent(token?: string) {
  const customer = await fixture.stripe.customers.create({ metadata: {} });
  return fixture.stripe.paymentIntents.create({
    amount: 1000,
    currency: 'usd',
    customer: customer.id,
    automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
    ...(token ? { payment_method: token, confirm: true } : {}),
  });
}

/** What the 3D Secure page does when the customer presses `outcome`: posts it, then tells the parent. */
async function answerChallenge(outcome: 'complete' | 'fail') {
  const frame = await waitFor(() => {
    const found = document.querySelector<HTMLIFrameElement>(
      'iframe[title="3D Secure 2 Test Page"]',
    );
    if (!found) throw new Error('no challenge frame yet');
    return found;
  });
  const url = new URL(frame.src);
  expect(url.origin).toBe(fixture.standIn.origin);
  const clientSecret = url.searchParams.get('client_secret')!;
  const answered = await fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_secret: clientSecret, outcome }).toString(),
  });
  expect(answered.status).toBe(200);
  const intent = url.pathname.split('/').at(-1);
  window.dispatchEvent(
    new MessageEvent('message', {
      origin: fixture.standIn.origin,
      data: { type: THREE_D_SECURE_MESSAGE, intent, outcome },
    }),
  );
}

describe('Stripe.js stand-in: the Payment Element (https://docs.stripe.com/js/elements_object/create_payment_element)', () => {
  it('mounts labelled card inputs, fires ready, and change with empty/complete as the card is typed', async () => {
    const { element } = mountPaymentElement();
    const ready = vi.fn();
    const changes: { empty: boolean; complete: boolean; value: { type: string } }[] = [];
    element.on('ready', ready);
    element.on('change', (event) => changes.push(event));
    await waitFor(() => expect(ready).toHaveBeenCalledWith({ elementType: 'payment' }));
    expect(screen.getByLabelText('Card number')).toHaveAttribute('autocomplete', 'cc-number');
    expect(screen.getByLabelText('Expiration date')).toHaveAttribute('autocomplete', 'cc-exp');
    expect(screen.getByLabelText('Security code')).toHaveAttribute('autocomplete', 'cc-csc');
    await typeCard('4242424242424242', '1234');
    expect(screen.getByLabelText('Card number')).toHaveValue('4242 4242 4242 4242');
    expect(screen.getByLabelText('Expiration date')).toHaveValue('12 / 34');
    expect(changes[0]).toMatchObject({
      elementType: 'payment',
      empty: false,
      complete: false,
      value: { type: 'card' },
    });
    expect(changes.at(-1)).toMatchObject({ complete: true });
    element.destroy();
    expect(screen.queryByLabelText('Card number')).toBeNull();
  });

  it('elements.submit() refuses an incomplete or invalid card with a validation_error shown under the field', async () => {
    const { elements, element } = mountPaymentElement();
    expect(await elements.submit()).toEqual({
      error: {
        type: 'validation_error',
        code: 'incomplete_number',
        message: 'Your card number is incomplete.',
      },
    });
    const number = screen.getByLabelText('Card number');
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveAccessibleDescription('Your card number is incomplete.');
    await typeCard('4242424242424241');
    expect((await elements.submit()).error).toMatchObject({ code: 'invalid_number' });
    await userEvent.setup().clear(screen.getByLabelText('Card number'));
    await typeCard('4242424242424242', '', '');
    expect(await elements.submit()).toEqual({ selectedPaymentMethod: 'card' });
    element.destroy();
  });

  it('works inside react-stripe-js’s <Elements> and <PaymentElement>, as the widgets use it', async () => {
    const onReady = vi.fn();
    render(
      <Elements
        stripe={Promise.resolve(stripeJs)}
        options={{ mode: 'payment', amount: 1000, currency: 'usd' }}
      >
        <PaymentElement onReady={onReady} />
      </Elements>,
    );
    expect(await screen.findByLabelText('Card number')).toBeInTheDocument();
    await waitFor(() => expect(onReady).toHaveBeenCalled());
  });
});

describe('Stripe.js stand-in: confirmPayment (https://docs.stripe.com/js/payment_intents/confirm_payment)', () => {
  it('the deferred-intent flow needs elements.submit() first (https://docs.stripe.com/js/elements/submit)', async () => {
    const { elements, element } = mountPaymentElement();
    await typeCard('4242424242424242');
    const intent = await newIntent();
    await expect(
      stripeJs.confirmPayment({
        elements,
        clientSecret: intent.client_secret!,
        redirect: 'if_required',
      }),
    ).rejects.toThrow(IntegrationError);
    element.destroy();
  });

  it('pays over HTTP with the publishable key and the client secret', async () => {
    const { elements, element } = mountPaymentElement();
    await typeCard('4242424242424242');
    expect((await elements.submit()).error).toBeUndefined();
    const intent = await newIntent();
    const result = await stripeJs.confirmPayment({
      elements,
      clientSecret: intent.client_secret!,
      redirect: 'if_required',
      confirmParams: { return_url: 'https://host.example/return' },
    });
    expect(result.paymentIntent).toMatchObject({ id: intent.id, status: 'succeeded' });
    expect(fixture.standIn.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: `/v1/payment_intents/${intent.id}/confirm`,
      body: {
        key: fixture.standIn.publishableKey,
        client_secret: intent.client_secret,
        return_url: 'https://host.example/return',
      },
    });
    element.destroy();
  });

  it('a decline resolves with the card_error and the intent, as Stripe.js does', async () => {
    const { elements, element } = mountPaymentElement();
    await typeCard('4000000000009995');
    await elements.submit();
    const intent = await newIntent();
    const result = await stripeJs.confirmPayment({
      elements,
      clientSecret: intent.client_secret!,
      redirect: 'if_required',
    });
    expect(result.error).toMatchObject({
      type: 'card_error',
      code: 'card_declined',
      decline_code: 'insufficient_funds',
      message: 'Your card has insufficient funds.',
      payment_intent: { id: intent.id, status: 'requires_payment_method' },
    });
    element.destroy();
  });

  it('3D Secure: shows the test page in a modal frame from the API’s origin; completing it pays; another origin’s message is ignored', async () => {
    const { elements, element } = mountPaymentElement();
    await typeCard('4000002760003184');
    await elements.submit();
    const intent = await newIntent();
    const paying = stripeJs.confirmPayment({
      elements,
      clientSecret: intent.client_secret!,
      redirect: 'if_required',
    });
    const dialog = await screen.findByRole('dialog', { name: '3D Secure authentication' });
    window.dispatchEvent(
      new MessageEvent('message', {
        origin: 'https://evil.example',
        data: { type: THREE_D_SECURE_MESSAGE, intent: intent.id },
      }),
    );
    await answerChallenge('complete');
    expect((await paying).paymentIntent).toMatchObject({ id: intent.id, status: 'succeeded' });
    expect(dialog.isConnected).toBe(false);
    element.destroy();
  });
});

describe('Stripe.js stand-in: handleNextAction, confirmSetup, retrieve (https://docs.stripe.com/js/payment_intents/handle_next_action, …/setup_intents/confirm_setup, …/payment_intents/retrieve_payment_intent)', () => {
  it('handleNextAction on an intent the server confirmed: a failed challenge resolves with payment_intent_authentication_failure', async () => {
    const intent = await newIntent('pm_card_threeDSecure2Required');
    expect(intent.status).toBe('requires_action');
    const handling = stripeJs.handleNextAction({ clientSecret: intent.client_secret! });
    await answerChallenge('fail');
    expect((await handling).error).toMatchObject({
      code: 'payment_intent_authentication_failure',
      payment_intent: { id: intent.id, status: 'requires_payment_method' },
    });
    // Nothing left to act on: Stripe.js throws for any other status.
    await expect(
      stripeJs.handleNextAction({ clientSecret: intent.client_secret! }),
    ).rejects.toThrow(/requires_payment_method, not requires_action/);
  });

  it('confirmSetup saves the card to the SetupIntent’s customer; retrieveSetupIntent and retrievePaymentIntent read with the client secret', async () => {
    const customer = await fixture.stripe.customers.create({ metadata: {} });
    const setup = await fixture.stripe.setupIntents.create({
      customer: customer.id,
      automatic_payment_methods: { enabled: true },
    });
    const { elements, element } = mountPaymentElement({ mode: 'setup', currency: 'usd' });
    await typeCard('5555555555554444');
    await elements.submit();
    const result = await stripeJs.confirmSetup({
      elements,
      clientSecret: setup.client_secret!,
      redirect: 'if_required',
    });
    expect(result.setupIntent).toMatchObject({ id: setup.id, status: 'succeeded' });
    const saved = await fixture.stripe.paymentMethods.list({ customer: customer.id });
    expect(saved.data.map((m) => m.card?.last4)).toEqual(['4444']);
    expect((await stripeJs.retrieveSetupIntent(setup.client_secret!)).setupIntent?.status).toBe(
      'succeeded',
    );
    const intent = await newIntent();
    expect(
      (await stripeJs.retrievePaymentIntent(intent.client_secret!)).paymentIntent,
    ).toMatchObject({
      id: intent.id,
      status: 'requires_payment_method',
    });
    expect((await stripeJs.retrievePaymentIntent(`${intent.id}_secret_wrong`)).error).toMatchObject(
      {
        type: 'invalid_request_error',
      },
    );
    element.destroy();
  });
});

describe('Stripe.js stand-in: what it does not model', () => {
  it('throws a clear error for every other member, another Element type or a secret key', () => {
    expect(() => (stripeJs.createToken as () => unknown)()).toThrow(
      'stripe.createToken is not modelled by the Stripe.js stand-in',
    );
    expect(() => (stripeJs.elements() as StripeElements).create('card')).toThrow(/not modelled/);
    expect(() =>
      createStripeJsStandIn(fixture.standIn.secretKey, { apiBase: fixture.standIn.origin }),
    ).toThrow(IntegrationError);
  });
});
