import type * as v from 'valibot';
import type { OperationDefinition } from '../operations.js';
import { balanceSchema } from '../schemas/balance.js';
import { transactionSchema } from '../schemas/transaction.js';
import {
  captureHoldBodySchema,
  createAdjustmentBodySchema,
  createGrantBodySchema,
  createHoldBodySchema,
  holdSchema,
  recordUsageBodySchema,
} from './serverApiSchemas.js';

/** A Server API operation: authenticated by the secret API key, never by a browser's token. */
export interface ServerOperationDefinition extends OperationDefinition {
  /** The JSON body the backend validates. */
  readonly body?: v.GenericSchema;
}

/** Where the Server API lives under the contract's base URL. */
export const SERVER_API_PREFIX = '/server';

/**
 * The Server API's operations: what `createCreditsServerClient` calls and the OpenAPI document's
 * "Server API" section is generated from.
 */
export const serverOperations = {
  getAccountBalance: {
    method: 'GET',
    path: '/server/accounts/{accountId}/balance',
    response: balanceSchema,
  },
  recordUsage: {
    method: 'POST',
    path: '/server/accounts/{accountId}/usage',
    response: transactionSchema,
    body: recordUsageBodySchema,
    idempotent: true,
  },
  createHold: {
    method: 'POST',
    path: '/server/accounts/{accountId}/holds',
    response: holdSchema,
    body: createHoldBodySchema,
    idempotent: true,
  },
  captureHold: {
    method: 'POST',
    path: '/server/accounts/{accountId}/holds/{holdId}/capture',
    response: holdSchema,
    body: captureHoldBodySchema,
  },
  releaseHold: {
    method: 'POST',
    path: '/server/accounts/{accountId}/holds/{holdId}/release',
    response: holdSchema,
  },
  createGrant: {
    method: 'POST',
    path: '/server/accounts/{accountId}/grants',
    response: transactionSchema,
    body: createGrantBodySchema,
    idempotent: true,
  },
  createAdjustment: {
    method: 'POST',
    path: '/server/accounts/{accountId}/adjustments',
    response: transactionSchema,
    body: createAdjustmentBodySchema,
    idempotent: true,
  },
} as const satisfies Record<string, ServerOperationDefinition>;

export type ServerOperationId = keyof typeof serverOperations;

/** The header the Server API reads its secret key from (CONTRACT.md, Server API). */
export const API_KEY_HEADER = 'X-Api-Key';
