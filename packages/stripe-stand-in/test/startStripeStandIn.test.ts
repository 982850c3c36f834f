import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { startStripeStandIn } from '../src/index';
import { failure, useStandIn } from './useStandIn';

const fixture = useStandIn();

const newCustomer = () => fixture.stripe.customers.create({ metadata: { account: 'acct_test' } });

/** A card saved through a succeeded SetupIntent. */
async function savedCard(customer: string, token = 'pm_card_visa') {
  const setup = await fixture.stripe.setupIntents.create({ customer, usage: 'off_session' });
  const confirmed = await fixture.stripe.setupIntents.confirm(setup.id, { payment_method: token });
  return confirmed.payment_method as string;
}

describe('Stripe stand-in: objects (https://docs.stripe.com/api/*/object)', () => {
  it('answers complete objects: a customer, a PaymentIntent and a SetupIntent carry every field of Stripe’s object', async () => {
    const customer = await newCustomer();
    expect(customer).toMatchObject({
      object: 'customer',
      livemode: false,
      invoice_settings: { default_payment_method: null },
      metadata: { account: 'acct_test' },
    });
    const intent = await fixture.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      customer: customer.id,
    });
    for (const field of [
      'amount_received',
      'capture_method',
      'client_secret',
      'latest_charge',
      'next_action',
      'last_payment_error',
      'payment_method_types',
      'setup_future_usage',
    ]) {
      expect(intent).toHaveProperty(field);
    }
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`));
    const setup = await fixture.stripe.setupIntents.create({ customer: customer.id });
    expect(setup).toHaveProperty('last_setup_error', null);
    expect(setup).not.toHaveProperty('last_payment_error');
  });
});

describe('Stripe stand-in: pagination (https://docs.stripe.com/api/pagination)', () => {
  it('lists 10 newest first by default, has_more, starting_after, at most 100; auto-pagination reads them all', async () => {
    const customer = await newCustomer();
    const saved: string[] = [];
    for (let i = 0; i < 23; i += 1) saved.push(await savedCard(customer.id));
    const first = await fixture.stripe.paymentMethods.list({ customer: customer.id, type: 'card' });
    expect(first.data.map((m) => m.id)).toEqual(saved.slice().reverse().slice(0, 10));
    expect(first.has_more).toBe(true);
    const second = await fixture.stripe.paymentMethods.list({
      customer: customer.id,
      type: 'card',
      limit: 10,
      starting_after: first.data.at(-1)!.id,
    });
    expect(second.data.map((m) => m.id)).toEqual(saved.slice().reverse().slice(10, 20));
    const all = await fixture.stripe.paymentMethods
      .list({ customer: customer.id, type: 'card', limit: 100 })
      .autoPagingToArray({ limit: 1000 });
    expect(all).toHaveLength(23);
    const tooMany = await failure(
      fixture.stripe.paymentMethods.list({ customer: customer.id, limit: 101 }),
    );
    expect(tooMany).toMatchObject({
      statusCode: 400,
      type: 'StripeInvalidRequestError',
      param: 'limit',
    });
  });
});

describe('Stripe stand-in: idempotency (https://docs.stripe.com/api/idempotent_requests)', () => {
  it('replays the first answer for the same key and parameters; other parameters → 400 idempotency_error', async () => {
    const customer = await newCustomer();
    const params = { amount: 1000, currency: 'usd', customer: customer.id };
    const first = await fixture.stripe.paymentIntents.create(params, {
      idempotencyKey: 'same-key',
    });
    const again = await fixture.stripe.paymentIntents.create(params, {
      idempotencyKey: 'same-key',
    });
    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    const misuse = await failure(
      fixture.stripe.paymentIntents.create(
        { ...params, amount: 2000 },
        { idempotencyKey: 'same-key' },
      ),
    );
    expect(misuse).toMatchObject({ statusCode: 400, type: 'StripeIdempotencyError' });
    expect(fixture.standIn.paymentIntents().filter((i) => i.customer === customer.id)).toHaveLength(
      1,
    );
  });
});

describe('Stripe stand-in: saving cards (https://docs.stripe.com/api/setup_intents/confirm, https://docs.stripe.com/payments/save-during-payment)', () => {
  it('a declined SetupIntent is a 402 card_error carrying the intent with last_setup_error; nothing is attached', async () => {
    const customer = await newCustomer();
    const setup = await fixture.stripe.setupIntents.create({ customer: customer.id });
    const declined = await failure(
      fixture.stripe.setupIntents.confirm(setup.id, {
        payment_method: 'pm_card_visa_chargeDeclined',
      }),
    );
    expect(declined).toMatchObject({
      statusCode: 402,
      type: 'StripeCardError',
      code: 'card_declined',
      decline_code: 'generic_decline',
    });
    expect(declined.setup_intent).toMatchObject({
      id: setup.id,
      status: 'requires_payment_method',
      payment_method: null,
      last_setup_error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'generic_decline',
      },
    });
    expect((await fixture.stripe.paymentMethods.list({ customer: customer.id })).data).toEqual([]);
  });

  it('3D Secure: requires_action with a use_stripe_sdk next_action, attached only once authenticated; a failed challenge attaches nothing', async () => {
    const customer = await newCustomer();
    const setup = await fixture.stripe.setupIntents.create({ customer: customer.id });
    const pending = await fixture.stripe.setupIntents.confirm(setup.id, {
      payment_method: 'pm_card_threeDSecure2Required',
    });
    expect(pending).toMatchObject({
      status: 'requires_action',
      next_action: { type: 'use_stripe_sdk' },
    });
    expect((await fixture.stripe.paymentMethods.list({ customer: customer.id })).data).toEqual([]);
    fixture.standIn.authenticate(setup.id, 'complete');
    expect(await fixture.stripe.setupIntents.retrieve(setup.id)).toMatchObject({
      status: 'succeeded',
      next_action: null,
    });
    expect((await fixture.stripe.paymentMethods.list({ customer: customer.id })).data).toHaveLength(
      1,
    );

    const other = await fixture.stripe.setupIntents.create({ customer: customer.id });
    await fixture.stripe.setupIntents.confirm(other.id, {
      payment_method: 'pm_card_threeDSecure2Required',
    });
    fixture.standIn.authenticate(other.id, 'fail');
    expect(await fixture.stripe.setupIntents.retrieve(other.id)).toMatchObject({
      status: 'requires_payment_method',
      last_setup_error: { code: 'setup_intent_authentication_failure' },
    });
    expect((await fixture.stripe.paymentMethods.list({ customer: customer.id })).data).toHaveLength(
      1,
    );
  });

  it('a payment attaches its card only with setup_future_usage and only once it succeeded; a card used without it cannot be used again', async () => {
    const customer = await newCustomer();
    const once = await fixture.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
    });
    expect(once.status).toBe('succeeded');
    expect((await fixture.stripe.paymentMethods.list({ customer: customer.id })).data).toEqual([]);
    const reuse = await failure(
      fixture.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        customer: customer.id,
        payment_method: once.payment_method as string,
        confirm: true,
      }),
    );
    expect(reuse).toMatchObject({ statusCode: 400, param: 'payment_method' });

    const saving = await fixture.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      customer: customer.id,
      setup_future_usage: 'off_session',
      payment_method: 'pm_card_threeDSecure2Required',
      confirm: true,
    });
    expect(saving.status).toBe('requires_action');
    expect((await fixture.stripe.paymentMethods.list({ customer: customer.id })).data).toEqual([]);
    fixture.standIn.authenticate(saving.id, 'complete');
    const listed = await fixture.stripe.paymentMethods.list({ customer: customer.id });
    expect(listed.data.map((m) => m.id)).toEqual([saving.payment_method]);
  });
});

describe('Stripe stand-in: declines (https://docs.stripe.com/declines, https://docs.stripe.com/api/errors)', () => {
  it('a PaymentIntent created with confirm and a declined card: 402 card_error carrying the created intent, with last_payment_error and decline_code', async () => {
    const customer = await newCustomer();
    const declined = await failure(
      fixture.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        customer: customer.id,
        payment_method: 'pm_card_visa_chargeDeclinedInsufficientFunds',
        confirm: true,
      }),
    );
    expect(declined).toMatchObject({
      statusCode: 402,
      code: 'card_declined',
      decline_code: 'insufficient_funds',
    });
    const carried = declined.payment_intent!;
    expect(carried).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
      },
    });
    expect(await fixture.stripe.paymentIntents.retrieve(carried.id)).toMatchObject({
      status: 'requires_payment_method',
      amount_received: 0,
    });
    const paid = await fixture.stripe.paymentIntents.confirm(carried.id, {
      payment_method: 'pm_card_visa',
    });
    expect(paid).toMatchObject({
      status: 'succeeded',
      amount_received: 1000,
      last_payment_error: null,
    });
    const twice = await failure(
      fixture.stripe.paymentIntents.confirm(carried.id, { payment_method: 'pm_card_visa' }),
    );
    expect(twice).toMatchObject({ statusCode: 400, code: 'payment_intent_unexpected_state' });
  });
});

describe('Stripe stand-in: test cards (https://docs.stripe.com/testing#declined-payments)', () => {
  it('pm_card_chargeCustomerFail saves, then every charge with it is declined', async () => {
    const customer = await newCustomer();
    const card = await savedCard(customer.id, 'pm_card_chargeCustomerFail');
    expect(
      (await fixture.stripe.paymentMethods.list({ customer: customer.id })).data.map((m) => m.id),
    ).toEqual([card]);
    const declined = await failure(
      fixture.stripe.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        customer: customer.id,
        payment_method: card,
        confirm: true,
      }),
    );
    expect(declined).toMatchObject({ statusCode: 402, code: 'card_declined' });
  });
});

describe('Stripe stand-in: unknown ids, detach and default (https://docs.stripe.com/error-codes#resource-missing, https://docs.stripe.com/api/payment_methods/detach, https://docs.stripe.com/api/customers/update)', () => {
  it('unknown ids are 404 resource_missing', async () => {
    for (const call of [
      fixture.stripe.paymentIntents.retrieve('pi_nope'),
      fixture.stripe.setupIntents.retrieve('seti_nope'),
      fixture.stripe.customers.retrieve('cus_nope'),
      fixture.stripe.paymentMethods.detach('pm_nope'),
    ]) {
      expect(await failure(call)).toMatchObject({ statusCode: 404, code: 'resource_missing' });
    }
  });

  it('detaching an unattached card is refused; detaching the default clears the default; only an attached card can be the default', async () => {
    const customer = await newCustomer();
    const card = await savedCard(customer.id);
    const other = await newCustomer();
    const foreign = await savedCard(other.id);
    const refused = await failure(
      fixture.stripe.customers.update(customer.id, {
        invoice_settings: { default_payment_method: foreign },
      }),
    );
    expect(refused).toMatchObject({
      statusCode: 400,
      param: 'invoice_settings[default_payment_method]',
    });
    const updated = await fixture.stripe.customers.update(customer.id, {
      invoice_settings: { default_payment_method: card },
    });
    expect(updated.invoice_settings.default_payment_method).toBe(card);
    await fixture.stripe.paymentMethods.detach(card);
    expect((await fixture.stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject(
      {
        invoice_settings: { default_payment_method: null },
      },
    );
    expect(await failure(fixture.stripe.paymentMethods.detach(card))).toMatchObject({
      statusCode: 400,
    });
  });
});

describe('Stripe stand-in: keys (https://docs.stripe.com/keys)', () => {
  it('refuses a wrong key; a publishable key may confirm only with the client secret, and create nothing', async () => {
    const wrong = new Stripe('sk_test_wrong', {
      ...fixture.standIn.clientOptions,
      maxNetworkRetries: 0,
      telemetry: false,
    });
    expect(await failure(wrong.customers.create())).toMatchObject({ statusCode: 401 });
    const publishable = new Stripe(fixture.standIn.publishableKey, {
      ...fixture.standIn.clientOptions,
      maxNetworkRetries: 0,
      telemetry: false,
    });
    expect(await failure(publishable.customers.create())).toMatchObject({ statusCode: 401 });
    const customer = await newCustomer();
    const intent = await fixture.stripe.paymentIntents.create({
      amount: 1000,
      currency: 'usd',
      customer: customer.id,
    });
    const confirmed = await fixture.standIn.confirmPaymentAsBrowser(
      intent.client_secret!,
      'pm_card_visa',
    );
    expect(confirmed).toMatchObject({ id: intent.id, status: 'succeeded' });
    const withoutSecret = await failure(publishable.paymentIntents.retrieve(intent.id));
    expect(withoutSecret).toMatchObject({ statusCode: 401 });
  });
});

describe('Stripe stand-in: webhooks (https://docs.stripe.com/webhooks)', () => {
  it('sends each event to the endpoint, signed so that the SDK’s constructEvent verifies it', async () => {
    const received: Stripe.Event[] = [];
    const endpoint = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push(
          fixture.stripe.webhooks.constructEvent(
            Buffer.concat(chunks).toString('utf8'),
            String(req.headers['stripe-signature']),
            'whsec_standin_test',
          ),
        );
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, '127.0.0.1', resolve));
    const lone = await startStripeStandIn();
    try {
      lone.addWebhookEndpoint(
        `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/`,
        'whsec_standin_test',
      );
      const client = new Stripe(lone.secretKey, {
        ...lone.clientOptions,
        maxNetworkRetries: 0,
        telemetry: false,
      });
      const customer = await client.customers.create();
      const intent = await client.paymentIntents.create({
        amount: 1000,
        currency: 'usd',
        customer: customer.id,
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      await lone.webhooksDelivered();
      expect(received.map((event) => event.type)).toEqual([
        'customer.created',
        'payment_intent.created',
        'payment_intent.succeeded',
      ]);
      expect(received[2]!.data.object).toMatchObject({ id: intent.id, status: 'succeeded' });
    } finally {
      await lone.close();
      await new Promise<void>((resolve) => endpoint.close(() => resolve()));
    }
  });
});
