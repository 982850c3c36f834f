import * as v from 'valibot';
import type { AutoRecharge } from '../autoRecharge/autoRechargeSchemas.js';
import { balanceSchema } from './balance.js';
import { paymentMethodListSchema } from './paymentMethod.js';
import { ledgerSeqSchema } from './primitives.js';
import { purchaseSchema } from './purchase.js';
import { transactionSchema } from './transaction.js';

// Every event carries the ledger sequence it was sent at (`ledgerSeqSchema`), the SSE `id` too.

/** `ready`: the stream is open; the ledger was at `seq` (after any rows replayed). */
export const readyEventSchema = v.object({ seq: ledgerSeqSchema });
/** `balance`: the balance at `seq`. */
export const balanceEventSchema = v.object({ seq: ledgerSeqSchema, balance: balanceSchema });
/** `transaction`: the ledger row numbered `seq` was added. */
export const transactionEventSchema = v.object({
  seq: ledgerSeqSchema,
  transaction: transactionSchema,
});
/** `purchase`: a purchase's status changed (the ledger was at `seq`). */
export const purchaseEventSchema = v.object({ seq: ledgerSeqSchema, purchase: purchaseSchema });
/** `payment-methods`: the saved payment methods changed; the whole list (the ledger was at `seq`). */
export const paymentMethodsEventSchema = v.object({
  seq: ledgerSeqSchema,
  paymentMethods: paymentMethodListSchema,
});

/** Every event of `GET /events`, by its SSE `event` name. */
export const creditsEventSchemas = {
  ready: readyEventSchema,
  balance: balanceEventSchema,
  transaction: transactionEventSchema,
  purchase: purchaseEventSchema,
  'payment-methods': paymentMethodsEventSchema,
} as const;

export type CreditsEventName = keyof typeof creditsEventSchemas;
/**
 * One event of the account's stream, discriminated by `type` (the SSE event name). `auto-recharge`
 * (where `Config.autoRecharge`) has its schema in `credits-core/auto-recharge`
 * (`autoRechargeEventSchema`), with the document's.
 */
export type CreditsEvent =
  | {
      [K in CreditsEventName]: { type: K } & v.InferOutput<(typeof creditsEventSchemas)[K]>;
    }[CreditsEventName]
  | { type: 'auto-recharge'; seq: number; autoRecharge: AutoRecharge };
