import { formatDate } from 'credits-core';
import { useFormatters } from '../hooks/useFormatters.js';

interface DateInputProps {
  id: string;
  label: string;
  /** Classes of the field (label above the control) and of the control. */
  fieldClassName: string;
  className: string;
  /** `YYYY-MM-DD` or empty. */
  value: string;
  /** Shown at rest while no day is chosen ("Any date"). */
  emptyText?: string;
  min?: string;
  max?: string;
  onValueChange: (value: string) => void;
}

/**
 * A native date field (the browser's picker and keyboard entry) that reads in the widgets'
 * locale: a native field writes the browser's own format ("mm/dd/yyyy" in an English browser
 * on a German page). At rest it shows the chosen day as the locale writes it, or `emptyText`;
 * while focused, the browser's own segments take over for editing. The history's date filters
 * and the usage period's custom days both use it.
 */
export function DateInput({
  id,
  label,
  fieldClassName,
  className,
  value,
  emptyText,
  min,
  max,
  onValueChange,
}: DateInputProps) {
  const { locale } = useFormatters();
  // The label holds only its words: the shown day is not part of the field's name.
  return (
    <span className={fieldClassName}>
      <label htmlFor={id}>{label}</label>
      <span className="credits-date-filter">
        <input
          id={id}
          type="date"
          className={className}
          value={value}
          min={min}
          max={max}
          onChange={(event) => onValueChange(event.target.value)}
        />
        <span aria-hidden="true" data-slot="date-filter-value">
          {value ? formatDate(`${value}T00:00:00Z`, { locale, timeZone: 'UTC' }) : emptyText}
        </span>
      </span>
    </span>
  );
}
