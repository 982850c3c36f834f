import type { QueryClient, QueryFunctionContext } from '@tanstack/query-core';
import * as v from 'valibot';
import type { CreditsClient } from '../createCreditsClient.js';
import { creditsKeys } from '../query/creditsKeys.js';
import type { CreditsQueryKey, CreditsQueryOptions } from '../query/creditsQueryOptions.js';
import { getAutoRecharge, updateAutoRecharge } from './autoRechargeCalls.js';
import {
  type AutoRecharge,
  type AutoRechargeSettings,
  autoRechargeSchema,
} from './autoRechargeSchemas.js';

/** The account's auto-recharge document: under the account, so `creditsKeys.account` refreshes it. */
export const autoRechargeKey = creditsKeys.autoRecharge;

type Key = ReturnType<typeof autoRechargeKey>;

/** An untrusted auto-recharge document (a live event's), validated; undefined if invalid. */
export function parseAutoRecharge(data: unknown): AutoRecharge | undefined {
  const result = v.safeParse(autoRechargeSchema, data);
  return result.success ? result.output : undefined;
}

export function autoRechargeQueryOptions(
  client: CreditsClient,
  account: string,
): CreditsQueryOptions<Key, AutoRecharge> {
  return {
    queryKey: autoRechargeKey(account) as CreditsQueryKey<Key, AutoRecharge>,
    queryFn: ({ signal }: QueryFunctionContext) => getAutoRecharge(client, { signal }),
    retry: false,
    // How credits-core/live reads an `auto-recharge` event's document into this entry: with
    // this entry's schema, which the live chunk does not carry.
    meta: { parse: parseAutoRecharge },
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
