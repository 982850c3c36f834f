import { CreditsError } from '../CreditsError.js';
import type { CreditsClient, RequestOptions } from '../createCreditsClient.js';
import { createOperationCaller } from '../createOperationCaller.js';
import { createTransport, type TransportOptions } from '../createTransport.js';
import { autoRechargeOperations } from './autoRechargeOperations.js';
import type { AutoRecharge, AutoRechargeSettings } from './autoRechargeSchemas.js';

type Call = ReturnType<typeof createOperationCaller>;
const callers = new WeakMap<CreditsClient, Call>();

/**
 * The operation caller on `client`'s own connection (base URL, fetch, headers, credentials,
 * timeout, retries, `onUnauthorized`): auto-recharge authenticates as every other call does.
 */
function callerOf(client: CreditsClient): Call {
  let call = callers.get(client);
  if (!call) {
    if (!client.connection) {
      throw new CreditsError(
        'validation_failed',
        'This client has no connection: create it with createCreditsClient()',
      );
    }
    call = createOperationCaller(createTransport(client.connection as TransportOptions));
    callers.set(client, call);
  }
  return call;
}

/** `GET /auto-recharge`: the account's settings and this month's status, validated. */
export function getAutoRecharge(
  client: CreditsClient,
  options?: RequestOptions,
): Promise<AutoRecharge> {
  return callerOf(client)(autoRechargeOperations.getAutoRecharge, { signal: options?.signal });
}

/**
 * `PUT /auto-recharge` with the whole settings object. Refusals: `validation_failed` (422,
 * `problem.errors[]` names the field) and `payment_method_required` (enabling without a
 * saved, unexpired card of this account).
 */
export function updateAutoRecharge(
  client: CreditsClient,
  settings: AutoRechargeSettings,
  options?: RequestOptions,
): Promise<AutoRecharge> {
  return callerOf(client)(autoRechargeOperations.updateAutoRecharge, {
    body: settings,
    signal: options?.signal,
  });
}
