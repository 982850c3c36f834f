export type {
  BalanceLabels,
  CommonLabels,
  Count,
  CreditsLabels,
  HistoryLabels,
  LanguageNeutralLabels,
  PaymentLabels,
  Translation,
  UsageChartLabels,
} from './CreditsLabels.js';
export { defaultLabels } from './defaultLabels.js';
export { catalogueLocale, loadCreditsLabels } from './loadCreditsLabels.js';
