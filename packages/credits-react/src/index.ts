export {
  AddCreditsDialog,
  type AddCreditsDialogProps,
  useAddCreditsTrigger,
} from './AddCreditsDialog/index.js';
export { BalanceCards, type BalanceCardsProps } from './BalanceCards/index.js';
export {
  type CreditsContextValue,
  CreditsProvider,
  type CreditsProviderProps,
  type CreditsTheme,
  type LiveOptions,
  useCreditsContext,
} from './CreditsProvider/index.js';
export {
  type HistoryFilterValues,
  type HistoryRowsProps,
  HistoryTable,
  type HistoryTableProps,
} from './HistoryTable/index.js';
export { useBalance } from './hooks/useBalance.js';
export { useCreditsConfig } from './hooks/useCreditsConfig.js';
export { useFormatters } from './hooks/useFormatters.js';
export { useInvalidateCredits } from './hooks/useInvalidateCredits.js';
export { useLabels } from './hooks/useLabels.js';
export { usePackages } from './hooks/usePackages.js';
export { usePaymentMethods } from './hooks/usePaymentMethods.js';
export { useTransactions } from './hooks/useTransactions.js';
export { useUsageByWebsite } from './hooks/useUsageByWebsite.js';
export { useUsageByWebsitePages } from './hooks/useUsageByWebsitePages.js';
export { useUsageSeries } from './hooks/useUsageSeries.js';
export {
  type Count,
  type CreditsLabels,
  defaultLabels,
  type HostLabels,
  loadCreditsLabels,
  type UsageChartLabels,
} from './labels/index.js';
export { PaymentMethods, type PaymentMethodsProps } from './PaymentMethods/index.js';
export { UsageByWebsite, type UsageByWebsiteProps } from './UsageByWebsite/index.js';
export {
  DEFAULT_USAGE_PERIOD,
  type ResolvedUsagePeriod,
  resolveUsagePeriod,
  type UsagePeriod,
  UsagePeriodPicker,
  type UsagePeriodPickerProps,
  type UsagePeriodPreset,
} from './UsagePeriodPicker/index.js';
