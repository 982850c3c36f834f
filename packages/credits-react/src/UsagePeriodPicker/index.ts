export { UsagePeriodPicker, type UsagePeriodPickerProps } from './UsagePeriodPicker.js';
export {
  DEFAULT_USAGE_PERIOD,
  type ResolvedUsagePeriod,
  resolveUsagePeriod,
  type UsagePeriod,
  type UsagePeriodPreset,
} from './usagePeriod.js';
