import { useInfiniteQuery } from '@tanstack/react-query';
import type { UsageByWebsiteParams } from 'credits-core';
import { usageByWebsitePagesQueryOptions } from 'credits-core/query';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/**
 * The usage ranking page by page (the backend's page size unless `limit` is given):
 * `fetchNextPage()` asks for the next page of the same period.
 */
export function useUsageByWebsitePages(params: Omit<UsageByWebsiteParams, 'cursor'> = {}) {
  const { client, account } = useCreditsContext('useUsageByWebsitePages()');
  return useInfiniteQuery(usageByWebsitePagesQueryOptions(client, account, params));
}
