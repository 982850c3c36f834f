import { useQuery } from '@tanstack/react-query';
import { packagesQueryOptions } from 'credits-core/query';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/** The credit packages on sale. */
export function usePackages({ enabled = true }: { enabled?: boolean } = {}) {
  const { client, account } = useCreditsContext('usePackages()');
  return useQuery({ ...packagesQueryOptions(client, account), enabled });
}
