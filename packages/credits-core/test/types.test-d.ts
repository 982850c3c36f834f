import { QueryClient } from '@tanstack/query-core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type Balance,
  type CreditsErrorCode,
  createCreditsClient,
  type Purchase,
  type TransactionType,
} from '../src/index';
import { balanceQueryOptions, transactionsInfiniteQueryOptions } from '../src/query/index';

const client = createCreditsClient({ baseUrl: 'https://credits.test' });

describe('public types', () => {
  it('every operation returns its contract type', () => {
    expectTypeOf(client.getBalance()).resolves.toEqualTypeOf<Balance>();
    expectTypeOf(client.createPurchase({ packageId: 'p' })).resolves.toEqualTypeOf<Purchase>();
  });

  it('open enums keep their known values and accept future ones', () => {
    expectTypeOf<'usage'>().toExtend<TransactionType>();
    expectTypeOf<'some_future_type'>().toExtend<TransactionType>();
    expectTypeOf<'card_declined'>().toExtend<CreditsErrorCode>();
  });

  it('query keys carry their data type into the QueryClient', () => {
    const queryClient = new QueryClient();
    const data = queryClient.getQueryData(balanceQueryOptions(client, 'a').queryKey);
    expectTypeOf(data).toEqualTypeOf<Balance | undefined>();
    const pages = queryClient.getQueryData(transactionsInfiniteQueryOptions(client, 'a').queryKey);
    expectTypeOf(pages?.pages[0]?.data[0]?.balanceAfter).toEqualTypeOf<number | undefined>();
  });

  it('rejects wrong inputs', () => {
    // @ts-expect-error packageId is required
    client.createPurchase({});
    // @ts-expect-error the sandbox outcome is complete or fail
    client.sandbox.authenticatePurchase('pur_1', { outcome: 'maybe' });
  });
});

describe('Stripe', () => {
  it('a real Stripe.js instance satisfies StripeLike', () => {
    expectTypeOf<import('@stripe/stripe-js').Stripe>().toExtend<
      import('../src/payments/index').StripeLike
    >();
  });
});
