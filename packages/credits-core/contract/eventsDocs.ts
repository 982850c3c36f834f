/**
 * The account's event stream (`GET /events`) in the OpenAPI document: its components' docs and
 * examples, and the path. Kept apart from the JSON operations, which the client calls through
 * `operations`: this one is read as Server-Sent Events by `credits-core/live`.
 */
import type { CreditsEvent } from '../src/schemas/index';
import type { SchemaDoc } from './schemaDocs';

/** Longest `Last-Event-ID` accepted: a ledger sequence number (a safe integer) in decimal. */
export const MAX_EVENT_ID_DIGITS = 15;

const seqDoc =
  'The account’s ledger sequence number when the event was sent (also the SSE `id`). Rows are numbered 1, 2, 3… with no gap: a `transaction` event whose `seq` is not the last one seen + 1 means events were missed.';

export const eventSchemaDocs: Record<string, SchemaDoc> = {
  ReadyEvent: {
    description:
      '`event: ready` — first event of every stream, after any replayed rows: the ledger is at `seq`.',
    properties: { seq: seqDoc },
  },
  BalanceEvent: {
    description: '`event: balance` — the balance changed; it is now `balance`.',
    properties: { seq: seqDoc, balance: 'The new balance.' },
  },
  TransactionEvent: {
    description: '`event: transaction` — the ledger row numbered `seq` was added.',
    properties: { seq: seqDoc, transaction: 'The new row.' },
  },
  PurchaseEvent: {
    description:
      '`event: purchase` — a purchase’s status changed. Not replayed on resume: read the purchase again.',
    properties: {
      seq: seqDoc,
      purchase: 'The purchase, as `GET /purchases/{purchaseId}` returns it.',
    },
  },
  PaymentMethodsEvent: {
    description:
      '`event: payment-methods` — a payment method was saved, deleted or made the default. Not replayed on resume: read the list again.',
    properties: { seq: seqDoc, paymentMethods: 'The whole list, as `GET /payment-methods`.' },
  },
  AutoRechargeEvent: {
    description:
      '`event: auto-recharge` — where `Config.autoRecharge` is true: the account’s auto-recharge document changed (settings saved, a recharge recorded or its outcome known, a state change such as turning itself off).',
    properties: {
      seq: seqDoc,
      autoRecharge: 'The whole document, as `GET /auto-recharge` answers it.',
    },
  },
};

type Example<K extends CreditsEvent['type']> = Omit<Extract<CreditsEvent, { type: K }>, 'type'>;

export function eventExamples(parts: {
  balance: Example<'balance'>['balance'];
  transaction: Example<'transaction'>['transaction'];
  purchase: Example<'purchase'>['purchase'];
  paymentMethods: Example<'payment-methods'>['paymentMethods'];
  autoRecharge: Example<'auto-recharge'>['autoRecharge'];
}) {
  return {
    ReadyEvent: { seq: 42 } satisfies Example<'ready'>,
    BalanceEvent: { seq: 42, balance: parts.balance } satisfies Example<'balance'>,
    TransactionEvent: { seq: 42, transaction: parts.transaction } satisfies Example<'transaction'>,
    PurchaseEvent: { seq: 42, purchase: parts.purchase } satisfies Example<'purchase'>,
    PaymentMethodsEvent: {
      seq: 42,
      paymentMethods: parts.paymentMethods,
    } satisfies Example<'payment-methods'>,
    AutoRechargeEvent: {
      seq: 42,
      autoRecharge: parts.autoRecharge,
    } satisfies Example<'auto-recharge'>,
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** `GET /events`, with the responses it shares with every operation. */
export function eventsPath(commonResponses: Record<string, { $ref: string }>) {
  return {
    '/events': {
      get: {
        operationId: 'streamEvents',
        tags: ['Account'],
        summary: 'Stream the account’s changes (Server-Sent Events)',
        description:
          'Offered when `Config.events` is true. A `text/event-stream` of this account’s changes only: `ready`, then `balance` + `transaction` for every new ledger row (whoever wrote it), `purchase` when a purchase’s status changes, `payment-methods` when a card is saved, deleted or made the default, `auto-recharge` when the auto-recharge document changes (where offered). Each event’s `id` is the ledger sequence number; a comment line (`: ping`) is sent at least every 30 s so proxies keep the connection. Authenticate as for every other call (read it with `fetch`, so the `Authorization` header goes along). To resume after a drop, send the last `id` seen as `Last-Event-ID`: the rows after it are replayed in order (at most 100; past that the stream starts at `ready`, whose `seq` then shows the gap and the client refetches). A backend may limit streams per account (429 `rate_limited`).',
        parameters: [
          {
            name: 'Last-Event-ID',
            in: 'header',
            required: false,
            description:
              'The last event `id` received: a ledger sequence number, not above the account’s current one. Anything else is refused with 400 `validation_failed`.',
            schema: { type: 'string', pattern: `^\\d{1,${MAX_EVENT_ID_DIGITS}}$` },
          },
        ],
        responses: {
          200: {
            description:
              'The stream. Each event’s `data` is one JSON object: the component named after the event.',
            content: {
              'text/event-stream': {
                schema: {
                  type: 'string',
                  contentMediaType: 'text/event-stream',
                  contentSchema: {
                    oneOf: Object.keys(eventSchemaDocs).map(ref),
                  },
                },
              },
            },
          },
          400: { $ref: '#/components/responses/BadRequest' },
          ...commonResponses,
        },
      },
    },
  };
}
