import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { ErrorState } from '../lib/ErrorState.js';
import type { PaymentProviderState } from './usePaymentProvider.js';

/** Why no card can be entered: the config failed to load (with Retry), or payments are off. */
export function ProviderProblem({ providerState }: { providerState: PaymentProviderState }) {
  const labels = useLabels(paymentLabels);
  if (providerState.status === 'error')
    return <ErrorState error={providerState.error} onRetry={providerState.retry} />;
  if (providerState.status !== 'unavailable') return null;
  return (
    <p role="alert" className="cr:m-0 cr:text-sm cr:text-danger">
      {labels.noPaymentProvider}
    </p>
  );
}
