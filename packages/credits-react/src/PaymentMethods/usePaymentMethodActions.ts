import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  deletePaymentMethodMutationOptions,
  setDefaultPaymentMethodMutationOptions,
} from 'credits-core/query';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useLabels } from '../hooks/useLabels.js';
import { errorMessage } from '../lib/errorMessage.js';

/**
 * Set as default and delete, bound from core's mutation options (which own
 * the optimistic change and its rollback), and the refusal in words.
 */
export function usePaymentMethodActions() {
  const { client, account } = useCreditsContext('<PaymentMethods>');
  const labels = useLabels();
  const queryClient = useQueryClient();
  const setDefault = useMutation(
    setDefaultPaymentMethodMutationOptions(client, account, queryClient),
  );
  const remove = useMutation(deletePaymentMethodMutationOptions(client, account, queryClient));
  // The latest action's refusal only: starting another clears the previous message.
  const failed = [setDefault, remove].find((mutation) => mutation.isError);
  return {
    setDefault: (id: string) => {
      remove.reset();
      setDefault.mutate(id);
    },
    settingDefault: setDefault.isPending,
    remove: (id: string, newDefaultId?: string) => {
      setDefault.reset();
      remove.mutate({ id, newDefaultId });
    },
    error: failed ? errorMessage(failed.error, labels) : undefined,
  };
}
