import { useQuery } from '@tanstack/react-query';
import type { UsageSeriesParams } from 'credits-core';
import { usageSeriesQueryOptions } from 'credits-core/query';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/** The usage series of a range (buckets in the user's time zone), from the provider's client. */
export function useUsageSeries(params: UsageSeriesParams) {
  const { client, account } = useCreditsContext('useUsageSeries()');
  return useQuery(usageSeriesQueryOptions(client, account, params));
}
