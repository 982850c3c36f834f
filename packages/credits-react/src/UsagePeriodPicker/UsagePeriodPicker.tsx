import { useId } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useLabels } from '../hooks/useLabels.js';
import { usageChartLabels } from '../labels/usageChartLabels.js';
import { cn } from '../lib/cn.js';
import { DateInput } from '../lib/DateInput.js';
import {
  resolveUsagePeriod,
  USAGE_PERIOD_PRESETS,
  type UsagePeriod,
  type UsagePeriodPreset,
} from './usagePeriod.js';

export interface UsagePeriodPickerProps {
  value: UsagePeriod;
  onValueChange: (period: UsagePeriod) => void;
  className?: string;
}

const fieldClass =
  'cr:h-9 cr:rounded-md cr:border cr:border-border cr:bg-surface cr:px-2 cr:text-sm cr:text-fg';

/**
 * The period picker UsageChart and UsageByWebsite share: last 7/30/90 days, this month, or
 * custom days (in the provider's time zone). Hosts keep one `UsagePeriod` in state and pass it
 * to both widgets to move them together.
 */
export function UsagePeriodPicker({ value, onValueChange, className }: UsagePeriodPickerProps) {
  const labels = useLabels(usageChartLabels);
  const { timeZone } = useCreditsContext('UsagePeriodPicker');
  const id = useId();
  const resolved = resolveUsagePeriod(value, timeZone);
  return (
    <div
      data-slot="usage-period-picker"
      className={cn('cr:flex cr:flex-wrap cr:items-end cr:gap-2', className)}
    >
      <label
        htmlFor={`${id}-preset`}
        className="cr:flex cr:flex-col cr:gap-1 cr:text-xs cr:text-muted"
      >
        {labels.period}
        <select
          id={`${id}-preset`}
          className={fieldClass}
          value={value.preset}
          onChange={(event) => {
            const preset = event.currentTarget.value as UsagePeriodPreset;
            onValueChange(
              preset === 'custom'
                ? { preset, fromDay: resolved.fromDay, toDay: resolved.toDay }
                : { preset },
            );
          }}
        >
          {USAGE_PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {labels.periods[preset]}
            </option>
          ))}
        </select>
      </label>
      {value.preset === 'custom' &&
        (['fromDay', 'toDay'] as const).map((field) => (
          <DateInput
            key={field}
            id={`${id}-${field}`}
            label={field === 'fromDay' ? labels.periodFrom : labels.periodTo}
            fieldClassName="cr:flex cr:flex-col cr:gap-1 cr:text-xs cr:text-muted"
            className={cn(fieldClass, 'cr:w-36')}
            value={value[field] ?? ''}
            min={field === 'toDay' ? value.fromDay : undefined}
            max={field === 'fromDay' ? value.toDay : undefined}
            onValueChange={(day) => onValueChange({ ...value, [field]: day })}
          />
        ))}
    </div>
  );
}
