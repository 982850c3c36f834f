import type { CreditsEvent } from '../schemas/events.js';
import type { EventStreamRequest } from './readEventStream.js';

/** The client's `validate`, and `getAutoRecharge` too (the auto-recharge entry's schema). */
type Validate = (
  operation: Parameters<NonNullable<EventStreamRequest['validate']>>[0] | 'getAutoRecharge',
  data: unknown,
) => unknown;

/**
 * Each event's payload field and how it is checked: with the client's schema of the operation
 * that answers the same shape (`events.ts` documents each event). `ready` has no payload.
 */
const payloads: Record<
  string,
  [field: string, read: (validate: Validate, value: unknown) => unknown]
> = {
  balance: ['balance', (validate, value) => validate('getBalance', value)],
  // A ledger row is read as a page holding only it.
  transaction: [
    'transaction',
    (validate, value) =>
      (
        validate('listTransactions', { data: [value], nextCursor: null }) as
          | { data: unknown[] }
          | undefined
      )?.data[0],
  ],
  purchase: ['purchase', (validate, value) => validate('getPurchase', value)],
  'payment-methods': ['paymentMethods', (validate, value) => validate('listPaymentMethods', value)],
  'auto-recharge': ['autoRecharge', (validate, value) => validate('getAutoRecharge', value)],
};

/**
 * One event of `GET /events` from its SSE name and data: a ledger `seq` ≥ 0 and a payload the
 * client's schemas accept, else `undefined` (skipped). Without `validate` (a hand-made client)
 * no event is trusted, and the subscription falls back to refetching.
 */
export function parseCreditsEvent(
  name: string,
  data: string,
  validate: Validate | undefined,
): CreditsEvent | undefined {
  if (!validate) return undefined;
  try {
    const body = JSON.parse(data) as Record<string, unknown>;
    // isSafeInteger is false for anything but a number.
    const seq = body.seq as number;
    if (!Number.isSafeInteger(seq) || seq < 0) return undefined;
    if (name === 'ready') return { type: 'ready', seq };
    const payload = Object.hasOwn(payloads, name) ? payloads[name] : undefined;
    if (!payload) return undefined;
    const [field, read] = payload;
    const value = read(validate, body[field]);
    return value === undefined ? undefined : ({ type: name, seq, [field]: value } as CreditsEvent);
  } catch {
    return undefined;
  }
}
