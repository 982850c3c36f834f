import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { CreditsResponseError, createCreditsClient } from '../src/index';
import { BASE_URL, balance, paymentMethods, purchase, transactions } from './fixtures';
import { rejection } from './rejection';
import { listenWithMsw, server } from './server';

listenWithMsw();

const client = createCreditsClient({ baseUrl: BASE_URL, retry: false });

function answer(path: string, response: () => Response) {
  server.use(http.get(`${BASE_URL}${path}`, response));
}

async function failure(promise: Promise<unknown>): Promise<CreditsResponseError> {
  const error = await rejection<CreditsResponseError>(promise);
  expect(error).toBeInstanceOf(CreditsResponseError);
  return error;
}

describe('malformed responses become invalid_response with the path of the bad field', () => {
  it.each([
    ['a missing field', { ...balance, total: undefined }, 'total'],
    ['a wrong type', { ...balance, updatedAt: 1_700_000_000 }, 'updatedAt'],
    ['a negative total', { ...balance, total: -5, used: 0, available: -5 }, 'total'],
    ['a number sent as a string', { ...balance, used: '12500' }, 'used'],
    ['a fractional credit amount', { ...balance, used: 12_500.5, available: 47_499.5 }, 'used'],
    ['an unsafe integer', { ...balance, total: 2 ** 53, available: 2 ** 53 - 12_500 }, 'total'],
    ['an invalid date', { ...balance, updatedAt: 'yesterday' }, 'updatedAt'],
    ['null for the body', null, ''],
  ])('balance with %s', async (_, body, path) => {
    answer('/balance', () => HttpResponse.json(body));
    const error = await failure(client.getBalance());
    expect(error.code).toBe('invalid_response');
    expect(error.path).toBe(path);
  });

  it('a balance that breaks available = total − used', async () => {
    answer('/balance', () => HttpResponse.json({ ...balance, available: 99_999 }));
    const error = await failure(client.getBalance());
    expect(error.message).toMatch(/available must equal total − used/);
  });

  it('names the row and field inside a page of transactions', async () => {
    const rows = [transactions[0], { ...transactions[1], amount: '50000' }];
    answer('/transactions', () => HttpResponse.json({ data: rows, nextCursor: null }));
    const error = await failure(client.listTransactions());
    expect(error.path).toBe('data.1.amount');
  });

  it('a succeeded purchase without its transaction and balance', async () => {
    answer('/purchases/pur_2', () => HttpResponse.json(purchase({ status: 'succeeded' })));
    const error = await failure(client.getPurchase('pur_2'));
    expect(error.message).toMatch(/must carry its ledger transaction/);
  });

  it.each([
    [
      'non-JSON text',
      () => new HttpResponse('{"total": 1', { headers: { 'Content-Type': 'application/json' } }),
      /not valid JSON/,
    ],
    [
      'an HTML page with status 200',
      () => HttpResponse.html('<!doctype html><h1>Login</h1>'),
      /expected JSON, got text\/html/,
    ],
    ['an empty body', () => new HttpResponse(null, { status: 200 }), /empty/],
    ['plain text', () => HttpResponse.text('OK'), /expected JSON, got text\/plain/],
  ])('%s', async (_, response, message) => {
    answer('/balance', response);
    const error = await failure(client.getBalance());
    expect(error.path).toBe('');
    expect(error.message).toMatch(message);
  });
});

describe('tolerated by the contract', () => {
  it('keeps unknown enum values as strings', async () => {
    const future = { ...transactions[0], type: 'referral_bonus' };
    answer('/transactions', () => HttpResponse.json({ data: [future], nextCursor: null }));
    const page = await client.listTransactions();
    expect(page.data[0]?.type).toBe('referral_bonus');
  });

  it('drops unknown fields instead of failing', async () => {
    answer('/balance', () => HttpResponse.json({ ...balance, tier: 'gold', nested: { a: 1 } }));
    const read = await client.getBalance();
    expect(read).toEqual(balance);
    expect(read).not.toHaveProperty('tier');
  });

  it('fills optional fields with their documented defaults', async () => {
    const { overdraftAllowed, expiring, lowBalanceThreshold, ...minimal } = balance;
    answer('/balance', () => HttpResponse.json(minimal));
    const read = await client.getBalance();
    expect(read.overdraftAllowed).toBe(false);
    expect(read.expiring).toEqual([]);
    expect(read.lowBalanceThreshold).toBeUndefined();
  });

  it('accepts a negative available balance when the backend allows overdraft', async () => {
    const overdrawn = {
      ...balance,
      total: 10_000,
      used: 12_000,
      available: -2_000,
      overdraftAllowed: true,
    };
    answer('/balance', () => HttpResponse.json(overdrawn));
    await expect(client.getBalance()).resolves.toMatchObject({ available: -2_000 });
  });

  it('accepts unknown payment-method types and a JSON content type with parameters', async () => {
    const wallet = { ...paymentMethods[0], id: 'pm_x', type: 'crypto_wallet', card: null };
    answer(
      '/payment-methods',
      () =>
        new HttpResponse(JSON.stringify({ data: [wallet] }), {
          headers: { 'Content-Type': 'application/vnd.credits+json; charset=utf-8' },
        }),
    );
    const list = await client.listPaymentMethods();
    expect(list.data[0]?.type).toBe('crypto_wallet');
  });
});
