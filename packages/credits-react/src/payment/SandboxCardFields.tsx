import { useId } from 'react';
import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';

export interface SandboxCardFieldsProps {
  number: string;
  onNumberChange: (value: string) => void;
  /** Shown under the field and linked to it with aria-describedby. */
  error?: string;
  /** `false` where the dialog already says "Test mode" (the checkout's footer). */
  badge?: boolean;
}

/**
 * The sandbox's card field: Stripe's test card numbers only, mapped to test
 * tokens in the browser. Visibly badged "Test mode".
 */
export function SandboxCardFields({
  number,
  onNumberChange,
  error,
  badge = true,
}: SandboxCardFieldsProps) {
  const labels = useLabels(paymentLabels);
  const id = useId();
  return (
    <div
      data-slot="sandbox-card"
      className="cr:flex cr:flex-col cr:gap-2 cr:rounded-md cr:border cr:border-dashed cr:border-warning cr:p-3"
    >
      {badge && (
        <span
          data-slot="test-mode-badge"
          data-tone="warning"
          className="credits-badge cr:self-start"
        >
          {labels.testMode}
        </span>
      )}
      <label htmlFor={`${id}-number`} className="cr:text-sm cr:font-medium">
        {labels.cardNumber}
      </label>
      <input
        id={`${id}-number`}
        inputMode="numeric"
        autoComplete="off"
        value={number}
        onChange={(event) => onNumberChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${error ? `${id}-error ` : ''}${id}-hint`}
        placeholder="4242 4242 4242 4242"
        // A card number reads left to right in every language: in an RTL page the field would
        // otherwise show "4000 … 0002" as "0002 … 4000".
        dir="ltr"
        className="cr:h-10 cr:rounded-md cr:border cr:border-border cr:bg-surface cr:px-3 cr:font-mono cr:text-sm cr:tracking-wide"
      />
      {error && (
        <p id={`${id}-error`} className="cr:m-0 cr:text-sm cr:text-danger">
          {error}
        </p>
      )}
      <p id={`${id}-hint`} className="cr:m-0 cr:text-xs cr:text-muted">
        {labels.testCardHint}
      </p>
    </div>
  );
}
