import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  autoRechargeQueryOptions,
  updateAutoRechargeMutationOptions,
} from 'credits-core/auto-recharge';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/** The account's auto-recharge document, and the mutation that saves its settings. */
export function useAutoRecharge() {
  const { client, account } = useCreditsContext('useAutoRecharge()');
  const queryClient = useQueryClient();
  const query = useQuery(autoRechargeQueryOptions(client, account));
  const save = useMutation(updateAutoRechargeMutationOptions(client, account, queryClient));
  return { query, save };
}
