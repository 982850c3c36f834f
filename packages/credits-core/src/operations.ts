import type * as v from 'valibot';
import { balanceSchema } from './schemas/balance.js';
import { configSchema } from './schemas/config.js';
import { creditPackageListSchema } from './schemas/creditPackage.js';
import { paymentMethodListSchema } from './schemas/paymentMethod.js';
import { purchaseSchema } from './schemas/purchase.js';
import { setupIntentSchema } from './schemas/setupIntent.js';
import { transactionPageSchema } from './schemas/transaction.js';
import { usageByWebsiteSchema } from './schemas/usage.js';
import { usageSeriesSchema } from './schemas/usageSeries.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OperationDefinition {
  readonly method: HttpMethod;
  /** Path relative to the backend's base URL; `{name}` marks a path parameter. */
  readonly path: string;
  readonly response: v.GenericSchema;
  /** The request must carry an `Idempotency-Key` header. */
  readonly idempotent?: true;
  /** Exists only in `test` mode. */
  readonly sandbox?: true;
}

/**
 * The contract's operations: the single source the client calls and the
 * OpenAPI document is generated from, so the two cannot drift apart.
 */
export const operations = {
  getConfig: { method: 'GET', path: '/config', response: configSchema },
  getBalance: { method: 'GET', path: '/balance', response: balanceSchema },
  listTransactions: { method: 'GET', path: '/transactions', response: transactionPageSchema },
  getUsageByWebsite: { method: 'GET', path: '/usage/websites', response: usageByWebsiteSchema },
  getUsageSeries: { method: 'GET', path: '/usage/series', response: usageSeriesSchema },
  listPackages: { method: 'GET', path: '/packages', response: creditPackageListSchema },
  createPurchase: {
    method: 'POST',
    path: '/purchases',
    response: purchaseSchema,
    idempotent: true,
  },
  getPurchase: { method: 'GET', path: '/purchases/{purchaseId}', response: purchaseSchema },
  listPaymentMethods: {
    method: 'GET',
    path: '/payment-methods',
    response: paymentMethodListSchema,
  },
  createSetupIntent: {
    method: 'POST',
    path: '/setup-intents',
    response: setupIntentSchema,
    idempotent: true,
  },
  setDefaultPaymentMethod: {
    method: 'POST',
    path: '/payment-methods/{paymentMethodId}/default',
    response: paymentMethodListSchema,
  },
  deletePaymentMethod: {
    method: 'DELETE',
    path: '/payment-methods/{paymentMethodId}',
    response: paymentMethodListSchema,
  },
  sandboxConfirmPurchase: {
    method: 'POST',
    path: '/sandbox/purchases/{purchaseId}/confirm',
    response: purchaseSchema,
    sandbox: true,
  },
  sandboxAuthenticatePurchase: {
    method: 'POST',
    path: '/sandbox/purchases/{purchaseId}/authenticate',
    response: purchaseSchema,
    sandbox: true,
  },
  sandboxConfirmSetupIntent: {
    method: 'POST',
    path: '/sandbox/setup-intents/{setupIntentId}/confirm',
    response: setupIntentSchema,
    sandbox: true,
  },
  sandboxAuthenticateSetupIntent: {
    method: 'POST',
    path: '/sandbox/setup-intents/{setupIntentId}/authenticate',
    response: setupIntentSchema,
    sandbox: true,
  },
} as const satisfies Record<string, OperationDefinition>;

export type OperationId = keyof typeof operations;
