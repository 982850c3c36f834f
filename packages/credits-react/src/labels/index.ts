export type {
  BalanceLabels,
  CommonLabels,
  Count,
  CreditsLabels,
  HistoryLabels,
  HostLabels,
  LanguageNeutralLabels,
  PaymentLabels,
  Translation,
  UsageChartLabels,
} from './CreditsLabels.js';
export { defaultLabels } from './defaultLabels.js';
export { catalogueLocale, loadCreditsLabels } from './loadCreditsLabels.js';
