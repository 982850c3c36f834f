import type { QueryClient } from '@tanstack/query-core';
import type { CreditsClient, DeletePaymentMethodParams } from '../createCreditsClient.js';
import type { PaymentMethodList } from '../schemas/paymentMethod.js';
import { writePaymentMethods } from './cacheWriters.js';
import { creditsKeys } from './creditsKeys.js';

type Rollback = { previous?: PaymentMethodList };

/**
 * A saved-card change shown at once: the cached list is changed before the
 * request (queries in flight cancelled), put back when the backend refuses,
 * and replaced by the backend's whole list when it answers.
 */
function optimisticListOptions<TVariables>(
  queryClient: QueryClient,
  account: string,
  name: string,
  mutationFn: (variables: TVariables) => Promise<PaymentMethodList>,
  optimistic: (list: PaymentMethodList, variables: TVariables) => PaymentMethodList,
) {
  const key = creditsKeys.paymentMethods(account);
  return {
    mutationKey: [...key, name] as const,
    mutationFn,
    onMutate: async (variables: TVariables): Promise<Rollback> => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<PaymentMethodList>(key);
      if (previous) writePaymentMethods(queryClient, account, optimistic(previous, variables));
      return { previous };
    },
    onError: (_error: unknown, _variables: TVariables, context: Rollback | undefined) => {
      if (context?.previous) writePaymentMethods(queryClient, account, context.previous);
    },
    onSuccess: (list: PaymentMethodList) => writePaymentMethods(queryClient, account, list),
  };
}

/** Makes a saved card the default; the list shows it at once and rolls back on a refusal. */
export function setDefaultPaymentMethodMutationOptions(
  client: CreditsClient,
  account: string,
  queryClient: QueryClient,
) {
  return optimisticListOptions(
    queryClient,
    account,
    'set-default',
    (paymentMethodId: string) => client.setDefaultPaymentMethod(paymentMethodId),
    (list, id) => ({
      data: list.data.map((method) => ({ ...method, isDefault: method.id === id })),
    }),
  );
}

/** Deletes a saved card (naming the new default when it was the default); optimistic, with rollback. */
export function deletePaymentMethodMutationOptions(
  client: CreditsClient,
  account: string,
  queryClient: QueryClient,
) {
  return optimisticListOptions(
    queryClient,
    account,
    'delete',
    ({ id, ...params }: DeletePaymentMethodParams & { id: string }) =>
      client.deletePaymentMethod(id, params),
    (list, { id, newDefaultId }) => ({
      data: list.data
        .filter((method) => method.id !== id)
        .map((method) =>
          newDefaultId ? { ...method, isDefault: method.id === newDefaultId } : method,
        ),
    }),
  );
}
