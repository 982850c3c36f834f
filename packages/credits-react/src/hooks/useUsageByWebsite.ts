import { useQuery } from '@tanstack/react-query';
import type { UsageByWebsiteParams } from 'credits-core';
import { usageByWebsiteQueryOptions } from 'credits-core/query';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/** Credits spent per website over a period (default: the last 30 days). */
export function useUsageByWebsite(params: UsageByWebsiteParams = {}) {
  const { client, account } = useCreditsContext('useUsageByWebsite()');
  return useQuery(usageByWebsiteQueryOptions(client, account, params));
}
