import type { QueryClient, QueryFunctionContext } from '@tanstack/query-core';
import type { CreditsClient } from '../createCreditsClient.js';
import { creditsKeys } from '../query/creditsKeys.js';
import type { CreditsQueryKey, CreditsQueryOptions } from '../query/creditsQueryOptions.js';
import { getAutoRecharge, updateAutoRecharge } from './autoRechargeCalls.js';
import type { AutoRecharge, AutoRechargeSettings } from './autoRechargeSchemas.js';

/** The account's auto-recharge document: under the account, so `creditsKeys.account` refreshes it. */
export const autoRechargeKey = (account: string) =>
  [...creditsKeys.account(account), 'auto-recharge'] as const;

type Key = ReturnType<typeof autoRechargeKey>;

export function autoRechargeQueryOptions(
  client: CreditsClient,
  account: string,
): CreditsQueryOptions<Key, AutoRecharge> {
  return {
    queryKey: autoRechargeKey(account) as CreditsQueryKey<Key, AutoRecharge>,
    queryFn: ({ signal }: QueryFunctionContext) => getAutoRecharge(client, { signal }),
    retry: false,
  };
}

/** Saves the whole settings object; the backend's answer replaces the cached document. */
export function updateAutoRechargeMutationOptions(
  client: CreditsClient,
  account: string,
  queryClient: QueryClient,
) {
  return {
    mutationKey: [...autoRechargeKey(account), 'update'] as const,
    mutationFn: (settings: AutoRechargeSettings) => updateAutoRecharge(client, settings),
    onSuccess: (document: AutoRecharge) =>
      queryClient.setQueryData(autoRechargeKey(account), document),
  };
}
