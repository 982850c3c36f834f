import { request } from 'node:http';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReferenceServer, startReferenceServer } from '../src/startReferenceServer';

const WEBHOOK_SECRET = 'whsec_limits_test';
const stripe = new Stripe('sk_test_limits', { telemetry: false });

describe('the Stripe webhook endpoint bounds what unsigned traffic costs', () => {
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer({
      // Webhook signatures are checked offline; no call reaches this (closed) Stripe address.
      stripeSettings: {
        secretKey: 'sk_test_limits',
        webhookSecret: WEBHOOK_SECRET,
        host: '127.0.0.1',
        port: 9,
      },
    });
  }, 60_000);
  afterAll(() => server?.close());
  const url = () => `${server.origin}/webhooks/stripe`;

  /**
   * An oversized POST on a connection of its own (the server answers before reading the body
   * and drops the connection, which a pooled fetch could reuse): resolves with the status, or
   * with the connection's reset when the server closed it before the answer arrived.
   */
  const postOversized = (headers: Record<string, string>, chunks: number, chunkSize: number) =>
    new Promise<number | 'reset'>((resolve) => {
      const outgoing = request(url(), { method: 'POST', headers, agent: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      outgoing.on('error', () => resolve('reset'));
      const chunk = Buffer.alloc(chunkSize, 'x');
      let sent = 0;
      const write = () => {
        while (sent < chunks) {
          sent++;
          if (!outgoing.write(chunk)) return void outgoing.once('drain', write);
        }
        outgoing.end();
      };
      write();
    });

  it('still takes a signed event of normal size, and refuses a forged one', async () => {
    const payload = JSON.stringify({
      id: 'evt_limits_1',
      object: 'event',
      type: 'customer.created',
      data: { object: { id: 'cus_1', object: 'customer' } },
    });
    const signed = await fetch(url(), {
      method: 'POST',
      headers: {
        'Stripe-Signature': stripe.webhooks.generateTestHeaderString({
          payload,
          secret: WEBHOOK_SECRET,
        }),
      },
      body: payload,
    });
    expect(signed.status).toBe(200);
    const forged = await fetch(url(), {
      method: 'POST',
      headers: {
        'Stripe-Signature': stripe.webhooks.generateTestHeaderString({
          payload,
          secret: 'whsec_someone_else',
        }),
      },
      body: payload,
    });
    expect(forged.status).toBe(400);
  });

  it('refuses a request without a signature header, and a huge one unread', async () => {
    const unsigned = await fetch(url(), { method: 'POST', body: '{}' });
    expect(unsigned.status).toBe(400);
    expect(await unsigned.json()).toMatchObject({ title: 'Missing webhook signature' });
    // 64 MiB declared: refused from its Content-Length before a byte of it is read.
    const huge = 64 * 1024 * 1024;
    expect(await postOversized({ 'Content-Length': String(huge) }, 64, 1024 * 1024)).toBe(413);
  });

  it('refuses a body over 1 MiB, declared or streamed, with 413', async () => {
    const signature = { 'Stripe-Signature': 't=1,v1=00' };
    const declared = { ...signature, 'Content-Length': String(2 * 1024 * 1024) };
    expect(await postOversized(declared, 8, 256 * 1024)).toBe(413);
    // Chunked, no Content-Length: the limit is counted while reading.
    expect(await postOversized(signature, 32, 256 * 1024)).toBe(413);
  });
});
