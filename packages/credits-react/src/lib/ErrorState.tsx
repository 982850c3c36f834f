import { isCreditsError } from 'credits-core';
import { useLabels } from '../hooks/useLabels.js';
import { errorMessage } from './errorMessage.js';

/** A failure in words the user can act on, and a way forward. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const labels = useLabels();
  const message = errorMessage(error, labels);
  const canRetry = !isCreditsError(error) || error.code !== 'forbidden';
  return (
    <div
      data-slot="error-state"
      role="alert"
      className="cr:flex cr:flex-wrap cr:items-center cr:gap-3 cr:rounded-card cr:border cr:border-danger cr:bg-danger-soft cr:p-4 cr:text-sm"
    >
      <p className="cr:m-0 cr:flex-1">{message}</p>
      {canRetry && (
        <button
          type="button"
          onClick={onRetry}
          className="credits-button credits-button--secondary"
        >
          {labels.retry}
        </button>
      )}
    </div>
  );
}
