import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { failure, useStandIn } from './useStandIn';

const fixture = useStandIn();

/** A customer with a card saved for later (a succeeded SetupIntent, usage off_session). */
async function customerWithCard(token: string) {
  const customer = await fixture.stripe.customers.create({ metadata: { account: 'acct_off' } });
  const setup = await fixture.stripe.setupIntents.create({
    customer: customer.id,
    usage: 'off_session',
  });
  const saved = await fixture.stripe.setupIntents.confirm(setup.id, { payment_method: token });
  return { customer: customer.id, card: saved.payment_method as string };
}

const charge = (customer: string, card: string) =>
  fixture.stripe.paymentIntents.create({
    amount: 1000,
    currency: 'usd',
    customer,
    payment_method: card,
    confirm: true,
    off_session: true,
  });

describe('Stripe stand-in: off-session charges (https://docs.stripe.com/payments/save-and-reuse)', () => {
  it('a saved card charged off-session succeeds at once, the card stays the customer’s', async () => {
    const { customer, card } = await customerWithCard('pm_card_visa');
    const intent = await charge(customer, card);
    expect(intent).toMatchObject({
      status: 'succeeded',
      amount_received: 1000,
      payment_method: card,
    });
    const again = await charge(customer, card);
    expect(again.status).toBe('succeeded');
  });

  it('a card that needs 3D Secure: 402 authentication_required, the PaymentIntent in requires_payment_method with last_payment_error; confirmed again on-session it waits for 3D Secure and completes', async () => {
    const { customer, card } = await customerWithCard('pm_card_threeDSecure2Required');
    const error = await failure(charge(customer, card));
    expect(error.type).toBe('StripeCardError');
    expect(error.code).toBe('authentication_required');
    expect(error.decline_code).toBe('authentication_required');
    const intent = error.payment_intent!;
    expect(intent.status).toBe('requires_payment_method');
    expect(intent.last_payment_error).toMatchObject({
      type: 'card_error',
      code: 'authentication_required',
      decline_code: 'authentication_required',
      payment_method: { id: card },
    });
    expect(fixture.standIn.events.map((event) => event.type)).toContain(
      'payment_intent.payment_failed',
    );
    // "bring the customer back on-session": the same PaymentIntent, the same card, no off_session.
    const onSession = await fixture.stripe.paymentIntents.confirm(intent.id, {
      payment_method: card,
    });
    expect(onSession.status).toBe('requires_action');
    expect(onSession.next_action?.type).toBe('use_stripe_sdk');
    const completed = fixture.standIn.authenticate(intent.id, 'complete') as Stripe.PaymentIntent;
    expect(completed.status).toBe('succeeded');
  });

  it('a declined saved card off-session: 402 card_declined, nothing charged', async () => {
    const { customer, card } = await customerWithCard('pm_card_chargeCustomerFail');
    const error = await failure(charge(customer, card));
    expect(error.code).toBe('card_declined');
    expect(error.payment_intent?.status).toBe('requires_payment_method');
    expect(error.payment_intent?.amount_received).toBe(0);
  });

  it('off_session without confirm is refused (https://docs.stripe.com/api/payment_intents/create#create_payment_intent-off_session)', async () => {
    const { customer, card } = await customerWithCard('pm_card_visa');
    const error = await failure(
      fixture.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        customer,
        payment_method: card,
        off_session: true,
      }),
    );
    expect(error.type).toBe('StripeInvalidRequestError');
    expect(error.param).toBe('off_session');
  });
});
