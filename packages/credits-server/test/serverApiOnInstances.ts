import type { StartedCreditsServer } from '../src/startCreditsServer';
import { TEST_API_KEY } from './serverApiKey';

/**
 * Server API calls on one account, sent to the instances in turn (a fresh Idempotency-Key
 * unless one is given); each answer's status and JSON.
 */
export function serverApiOnInstances(servers: readonly StartedCreditsServer[], account: string) {
  let turn = 0;
  return async (method: string, path: string, body?: unknown, key = crypto.randomUUID()) => {
    const server = servers[turn++ % servers.length]!;
    const response = await fetch(`${server.baseUrl}/server/accounts/${account}${path}`, {
      method,
      headers: {
        'X-Api-Key': TEST_API_KEY,
        'Content-Type': 'application/json',
        'Idempotency-Key': key,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    // biome-ignore lint/suspicious/noExplicitAny: JSON read by the assertions
    return { status: response.status, body: (await response.json()) as any };
  };
}
