import { useQuery } from '@tanstack/react-query';
import { balanceQueryOptions } from 'credits-core/query';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/** The account's balance, shared by every widget through one cache entry. */
export function useBalance() {
  const { client, account } = useCreditsContext('useBalance()');
  return useQuery(balanceQueryOptions(client, account));
}
