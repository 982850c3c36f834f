import type * as v from 'valibot';
import type { OperationDefinition } from '../operations.js';
import { autoRechargeSchema, autoRechargeSettingsSchema } from './autoRechargeSchemas.js';

/** An auto-recharge operation; `body` is the JSON the backend validates. */
export interface AutoRechargeOperationDefinition extends OperationDefinition {
  readonly body?: v.GenericSchema;
}

/**
 * The browser's auto-recharge operations (bearer token or cookie, like the rest). Kept out of
 * `operations` so the client entry does not carry them: `credits-core/auto-recharge` calls
 * them through the client's own connection, and the OpenAPI document lists them with the rest.
 */
export const autoRechargeOperations = {
  getAutoRecharge: { method: 'GET', path: '/auto-recharge', response: autoRechargeSchema },
  updateAutoRecharge: {
    method: 'PUT',
    path: '/auto-recharge',
    response: autoRechargeSchema,
    body: autoRechargeSettingsSchema,
  },
} as const satisfies Record<string, AutoRechargeOperationDefinition>;

export type AutoRechargeOperationId = keyof typeof autoRechargeOperations;
