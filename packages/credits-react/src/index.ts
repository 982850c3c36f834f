export { AddCreditsDialog, type AddCreditsDialogProps } from './AddCreditsDialog';
export { BalanceCards, type BalanceCardsProps } from './BalanceCards';
export {
  type CreditsContextValue,
  CreditsProvider,
  type CreditsProviderProps,
  type CreditsTheme,
  useCreditsContext,
} from './CreditsProvider';
export {
  type HistoryFilterValues,
  type HistoryRowsProps,
  HistoryTable,
  type HistoryTableProps,
} from './HistoryTable';
export { useBalance } from './hooks/useBalance';
export { useCreditsConfig } from './hooks/useCreditsConfig';
export { useFormatters } from './hooks/useFormatters';
export { useInvalidateCredits } from './hooks/useInvalidateCredits';
export { usePackages } from './hooks/usePackages';
export { usePaymentMethods } from './hooks/usePaymentMethods';
export { useTransactions } from './hooks/useTransactions';
export { useUsageByWebsite } from './hooks/useUsageByWebsite';
export { type Count, type CreditsLabels, defaultLabels } from './labels';
export { PaymentMethods, type PaymentMethodsProps } from './PaymentMethods';
export { UsageByWebsite, type UsageByWebsiteProps } from './UsageByWebsite';
