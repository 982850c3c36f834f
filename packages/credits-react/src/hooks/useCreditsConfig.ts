import { useQuery } from '@tanstack/react-query';
import { configQueryOptions } from 'credits-core/query';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/** The backend's configuration: mode, Stripe key, currency, limits. */
export function useCreditsConfig({ enabled = true }: { enabled?: boolean } = {}) {
  const { client, account } = useCreditsContext('useCreditsConfig()');
  return useQuery({ ...configQueryOptions(client, account), enabled });
}
