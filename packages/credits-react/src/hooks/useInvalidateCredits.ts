import { useQueryClient } from '@tanstack/react-query';
import { invalidateCredits } from 'credits-core/query';
import { useCallback } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/**
 * Returns `invalidateCredits()`: call it when credits moved elsewhere (a
 * generation finished on your backend) and every mounted widget refetches once.
 */
export function useInvalidateCredits(): () => Promise<void> {
  const { account } = useCreditsContext('useInvalidateCredits()');
  const queryClient = useQueryClient();
  return useCallback(() => invalidateCredits(queryClient, account), [queryClient, account]);
}
