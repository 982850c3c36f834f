import type { QueryClient } from '@tanstack/query-core';
import type { CreditsClient, DeletePaymentMethodParams } from '../createCreditsClient.js';
import type { PaymentMethodList } from '../schemas/paymentMethod.js';
import type { Purchase } from '../schemas/purchase.js';
import { creditsKeys } from './creditsKeys.js';

/**
 * Writes a purchase's outcome into the cache: once it has succeeded, the new
 * balance shows at once (no extra request) and the ledger is revalidated.
 */
export async function applyPurchaseToCache(
  queryClient: QueryClient,
  account: string,
  purchase: Purchase,
): Promise<void> {
  queryClient.setQueryData(creditsKeys.purchase(account, purchase.id), purchase);
  if (purchase.status !== 'succeeded' || !purchase.balance) return;
  queryClient.setQueryData(creditsKeys.balance(account), purchase.balance);
  await queryClient.invalidateQueries({ queryKey: creditsKeys.transactions(account) });
}

/** Credits were spent or granted elsewhere: refetch everything of this account that is shown. */
export function invalidateCredits(queryClient: QueryClient, account: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: creditsKeys.account(account) });
}

function replacePaymentMethods(queryClient: QueryClient, account: string) {
  return (list: PaymentMethodList) => {
    queryClient.setQueryData(creditsKeys.paymentMethods(account), list);
  };
}

export function setDefaultPaymentMethodMutationOptions(
  client: CreditsClient,
  account: string,
  queryClient: QueryClient,
) {
  return {
    mutationKey: [...creditsKeys.paymentMethods(account), 'set-default'] as const,
    mutationFn: (paymentMethodId: string) => client.setDefaultPaymentMethod(paymentMethodId),
    onSuccess: replacePaymentMethods(queryClient, account),
  };
}

export function deletePaymentMethodMutationOptions(
  client: CreditsClient,
  account: string,
  queryClient: QueryClient,
) {
  return {
    mutationKey: [...creditsKeys.paymentMethods(account), 'delete'] as const,
    mutationFn: ({ id, ...params }: DeletePaymentMethodParams & { id: string }) =>
      client.deletePaymentMethod(id, params),
    onSuccess: replacePaymentMethods(queryClient, account),
  };
}
