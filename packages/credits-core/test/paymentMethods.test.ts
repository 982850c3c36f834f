import { QueryClient } from '@tanstack/query-core';
import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import {
  choosePaymentMethod,
  createCreditsClient,
  expiryStatus,
  type PaymentMethod,
} from '../src/index';
import {
  creditsKeys,
  deletePaymentMethodMutationOptions,
  paymentMethodsQueryOptions,
  setDefaultPaymentMethodMutationOptions,
} from '../src/query/index';
import { BASE_URL, paymentMethods } from './fixtures';
import { listenWithMsw, server } from './server';

listenWithMsw();

const client = createCreditsClient({ baseUrl: BASE_URL, retry: false });
let queryClient = new QueryClient();
afterEach(() => {
  queryClient.clear();
  queryClient = new QueryClient();
});

const NOW = new Date(Date.UTC(2026, 11, 5));
const card = (id: string, isDefault: boolean, expYear: number, expMonth = 6): PaymentMethod => ({
  id,
  type: 'card',
  isDefault,
  card: { brand: 'visa', last4: id.slice(-4), expMonth, expYear },
  wallet: null,
  email: null,
});

describe('which card is chosen for the user', () => {
  it('reads expiry in UTC months: this month still works, last month has expired', () => {
    expect(expiryStatus(card('pm_1', false, 2026, 12), NOW)).toBe('expires-soon');
    expect(expiryStatus(card('pm_1', false, 2026, 11), NOW)).toBe('expired');
    expect(expiryStatus(card('pm_1', false, 2027, 6), NOW)).toBe('valid');
  });

  it('the default card, else the first card that has not expired; never an expired one', () => {
    const expired = card('pm_old', false, 2020);
    const valid = card('pm_new', false, 2030);
    expect(choosePaymentMethod([expired, card('pm_def', true, 2030), valid], NOW)?.id).toBe(
      'pm_def',
    );
    expect(choosePaymentMethod([card('pm_def', true, 2020), expired, valid], NOW)?.id).toBe(
      'pm_new',
    );
    expect(choosePaymentMethod([expired, card('pm_old2', false, 2021)], NOW)).toBeUndefined();
    expect(choosePaymentMethod([], NOW)).toBeUndefined();
  });
});

/** Runs a mutation the way an adapter (useMutation) does, through the mutation cache. */
const setDefault = (id: string) =>
  queryClient
    .getMutationCache()
    .build(queryClient, setDefaultPaymentMethodMutationOptions(client, 'a', queryClient))
    .execute(id);
const remove = (variables: { id: string; newDefaultId?: string }) =>
  queryClient
    .getMutationCache()
    .build(queryClient, deletePaymentMethodMutationOptions(client, 'a', queryClient))
    .execute(variables);

describe('saved-card mutations', () => {
  const key = creditsKeys.paymentMethods('a');
  const list = () => queryClient.getQueryData<{ data: PaymentMethod[] }>(key)?.data;

  it('set as default shows at once, then holds the backend’s list', async () => {
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const after = paymentMethods.map((m) => ({ ...m, isDefault: m.id === 'pm_mc' }));
    server.use(
      http.get(`${BASE_URL}/payment-methods`, () => HttpResponse.json({ data: paymentMethods })),
      http.post(`${BASE_URL}/payment-methods/pm_mc/default`, async () => {
        await answered;
        return HttpResponse.json({ data: after });
      }),
    );
    await queryClient.fetchQuery(paymentMethodsQueryOptions(client, 'a'));
    const running = setDefault('pm_mc');
    await expect.poll(() => list()?.find((m) => m.isDefault)?.id).toBe('pm_mc');
    answer();
    await running;
    expect(list()).toEqual(after);
  });

  it('a refused change is rolled back to the list before it, and the error reaches the caller', async () => {
    server.use(
      http.get(`${BASE_URL}/payment-methods`, () => HttpResponse.json({ data: paymentMethods })),
      http.post(`${BASE_URL}/payment-methods/pm_mc/default`, () =>
        HttpResponse.json(
          { title: 'Down', status: 503, code: 'service_unavailable' },
          { status: 503 },
        ),
      ),
    );
    await queryClient.fetchQuery(paymentMethodsQueryOptions(client, 'a'));
    await expect(setDefault('pm_mc')).rejects.toMatchObject({ code: 'service_unavailable' });
    expect(list()).toEqual(paymentMethods);
  });

  it('deleting the default removes it at once and marks the new default; the answer replaces the list', async () => {
    const remaining = [{ ...paymentMethods[1]!, isDefault: true }];
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    server.use(
      http.get(`${BASE_URL}/payment-methods`, () => HttpResponse.json({ data: paymentMethods })),
      http.delete(`${BASE_URL}/payment-methods/pm_visa`, async ({ request }) => {
        expect(new URL(request.url).searchParams.get('newDefaultId')).toBe('pm_mc');
        await answered;
        return HttpResponse.json({ data: remaining });
      }),
    );
    await queryClient.fetchQuery(paymentMethodsQueryOptions(client, 'a'));
    const running = remove({
      id: 'pm_visa',
      newDefaultId: 'pm_mc',
    });
    await expect.poll(() => list()).toEqual(remaining);
    answer();
    await running;
    expect(list()).toEqual(remaining);
  });
});
