import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createCreditsClient } from '../src/index';
import { createPurchaseFlow, createStripePaymentProvider } from '../src/payments/index';
import { BASE_URL, balance, purchase, setupIntent, transactions } from './fixtures';
import { mockStripe } from './mockStripe';
import { listenWithMsw, server } from './server';

listenWithMsw();

const client = createCreditsClient({ baseUrl: BASE_URL, retry: false });
const succeeded = purchase({
  status: 'succeeded',
  clientSecret: null,
  transaction: transactions[1] ?? null,
  balance,
});

function backend(created: ReturnType<typeof purchase>) {
  const bodies: unknown[] = [];
  server.use(
    http.post(`${BASE_URL}/purchases`, async ({ request }) => {
      bodies.push(await request.json());
      return HttpResponse.json(created, { status: 201 });
    }),
    http.get(`${BASE_URL}/purchases/pur_2`, () => HttpResponse.json(succeeded)),
  );
  return bodies;
}

const provider = (stripe: ReturnType<typeof mockStripe>) =>
  createStripePaymentProvider({
    client,
    getStripe: async () => stripe,
    returnUrl: () => 'https://host.example/billing',
  });

describe('Stripe payment provider', () => {
  it('saved method: the backend confirms; 3D Secure runs through stripe.handleNextAction with the client secret', async () => {
    const stripe = mockStripe();
    const bodies = backend(
      purchase({
        status: 'requires_action',
        clientSecret: 'pi_2_secret_3ds',
        paymentMethodId: 'pm_1',
      }),
    );
    const flow = createPurchaseFlow({ client, provider: provider(stripe), pollIntervalMs: 1 });
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: 'pm_1' });
    expect(bodies).toEqual([{ packageId: 'pkg_10k', paymentMethodId: 'pm_1' }]);
    expect(stripe.handleNextAction).toHaveBeenCalledExactlyOnceWith({
      clientSecret: 'pi_2_secret_3ds',
    });
    expect(stripe.confirmPayment).not.toHaveBeenCalled();
    expect(flow.getSnapshot().status).toBe('succeeded');
  });

  it('new card: elements.submit() first, then confirmPayment with the elements, the client secret and redirect if_required', async () => {
    const stripe = mockStripe();
    const order: string[] = [];
    const elements = {
      submit: vi.fn(async () => {
        order.push('submit');
        return {};
      }),
    };
    const bodies = backend(
      purchase({ status: 'requires_payment_method', clientSecret: 'pi_2_secret_new' }),
    );
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'POST') order.push('create');
    });
    const flow = createPurchaseFlow({ client, provider: provider(stripe), pollIntervalMs: 1 });
    await flow.pay('pkg_10k', { type: 'new', card: { elements, savePaymentMethod: true } });
    server.events.removeAllListeners();
    expect(order).toEqual(['submit', 'create']);
    expect(bodies).toEqual([{ packageId: 'pkg_10k', savePaymentMethod: true }]);
    expect(stripe.confirmPayment).toHaveBeenCalledExactlyOnceWith({
      elements,
      clientSecret: 'pi_2_secret_new',
      redirect: 'if_required',
      confirmParams: { return_url: 'https://host.example/billing' },
    });
    expect(flow.getSnapshot().status).toBe('succeeded');
  });

  it('an incomplete card form creates no purchase', async () => {
    const stripe = mockStripe();
    const bodies = backend(purchase());
    const elements = {
      submit: vi.fn(async () => ({ error: { message: 'Your card number is incomplete.' } })),
    };
    const flow = createPurchaseFlow({ client, provider: provider(stripe) });
    await flow.pay('pkg_10k', { type: 'new', card: { elements } });
    const state = flow.getSnapshot();
    expect(state.status === 'error' && [state.error.code, state.error.message]).toEqual([
      'validation_failed',
      'Your card number is incomplete.',
    ]);
    expect(bodies).toEqual([]);
    expect(stripe.confirmPayment).not.toHaveBeenCalled();
  });

  it.each([
    [
      { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' },
      'card_declined',
    ],
    [
      {
        type: 'card_error',
        code: 'card_declined',
        decline_code: 'insufficient_funds',
        message: 'Insufficient funds.',
      },
      'insufficient_funds',
    ],
    [
      {
        type: 'invalid_request_error',
        code: 'payment_intent_authentication_failure',
        message: 'Authentication failed.',
      },
      'authentication_failed',
    ],
  ])('a Stripe error %j becomes a decline the user can act on', async (error, code) => {
    const stripe = mockStripe({ confirmPayment: { error } });
    backend(purchase({ status: 'requires_payment_method', clientSecret: 'pi_2_secret_x' }));
    const flow = createPurchaseFlow({ client, provider: provider(stripe) });
    await flow.pay('pkg_10k', { type: 'new', card: { elements: { submit: async () => ({}) } } });
    const state = flow.getSnapshot();
    expect(state.status === 'declined' && state.failure).toEqual({ code, message: error.message });
  });

  it('setup: confirmSetup with the elements and the SetupIntent client secret', async () => {
    const stripe = mockStripe();
    const elements = {};
    const saved = await provider(stripe).confirmSetup(setupIntent, { elements });
    expect(stripe.confirmSetup).toHaveBeenCalledExactlyOnceWith({
      elements,
      clientSecret: 'seti_1_secret_abc',
      redirect: 'if_required',
      confirmParams: { return_url: 'https://host.example/billing' },
    });
    expect(saved.status).toBe('succeeded');
  });

  it('Stripe.js is requested only when a payment happens, and a failed load is a typed error', async () => {
    const getStripe = vi.fn(async () => null);
    const lazy = createStripePaymentProvider({ client, getStripe });
    expect(getStripe).not.toHaveBeenCalled();
    backend(purchase({ status: 'requires_action', clientSecret: 'pi_2_secret_3ds' }));
    const flow = createPurchaseFlow({ client, provider: lazy });
    await flow.pay('pkg_10k', { type: 'saved', paymentMethodId: 'pm_1' });
    expect(getStripe).toHaveBeenCalledTimes(1);
    const state = flow.getSnapshot();
    expect(state.status === 'error' && state.error.code).toBe('network_error');
  });
});
