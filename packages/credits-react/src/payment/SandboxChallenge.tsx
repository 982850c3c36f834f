import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { focusOnMount } from '../lib/focusOnMount.js';

/**
 * The sandbox's 3D Secure challenge, for a purchase or a card setup: the bank's
 * question and the two answers. It replaces the form, so it takes focus.
 */
export function SandboxChallenge({
  title = false,
  onAnswer,
}: {
  /** Show the heading (the purchase dialog does; the add-card dialog's title already says it). */
  title?: boolean;
  onAnswer: (outcome: 'complete' | 'fail') => void;
}) {
  const labels = useLabels(paymentLabels);
  return (
    <div data-slot="sandbox-challenge" className="cr:flex cr:flex-col cr:gap-3">
      {title && <h3 className="cr:m-0 cr:text-base cr:font-semibold">{labels.challengeTitle}</h3>}
      <p className="cr:m-0 cr:text-sm">{labels.challengeText}</p>
      <div className="cr:flex cr:flex-wrap cr:gap-2">
        <button
          ref={focusOnMount}
          type="button"
          className="credits-button credits-button--primary"
          onClick={() => onAnswer('complete')}
        >
          {labels.completeAuthentication}
        </button>
        <button
          type="button"
          className="credits-button credits-button--secondary"
          onClick={() => onAnswer('fail')}
        >
          {labels.failAuthentication}
        </button>
      </div>
    </div>
  );
}
