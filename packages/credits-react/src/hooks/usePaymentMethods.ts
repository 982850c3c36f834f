import { useQuery } from '@tanstack/react-query';
import { paymentMethodsQueryOptions } from 'credits-core/query';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/** The account's saved payment methods, default first. */
export function usePaymentMethods() {
  const { client, account } = useCreditsContext('usePaymentMethods()');
  return useQuery(paymentMethodsQueryOptions(client, account));
}
