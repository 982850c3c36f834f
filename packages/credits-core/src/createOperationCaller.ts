import type * as v from 'valibot';
import { CreditsResponseError } from './CreditsError.js';
import type { SendRequest, Transport } from './createTransport.js';
import type { OperationDefinition } from './operations.js';
import { parseWith } from './parseWith.js';

/**
 * Sends an operation and validates its answer with the operation's schema: the one way both
 * clients (the browser's and the Server API's) call the backend. A breach is `invalid_response`.
 */
export function createOperationCaller(send: Transport) {
  return async function call<TOperation extends OperationDefinition>(
    operation: TOperation,
    request: Omit<SendRequest, 'operation'>,
  ): Promise<v.InferOutput<TOperation['response']>> {
    const { status, json } = await send({ ...request, operation });
    const result = parseWith(operation.response, json);
    if (result.success) return result.output;
    const { message, path, cause } = result.error;
    throw new CreditsResponseError(message, {
      path,
      cause,
      status,
      idempotencyKey: request.idempotencyKey,
    });
  };
}
