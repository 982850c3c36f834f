export type {
  BalanceLabels,
  CommonLabels,
  Count,
  CreditsLabels,
  HistoryLabels,
  PaymentLabels,
} from './CreditsLabels.js';
export { defaultLabels } from './defaultLabels.js';
export { catalogueLocale, loadCreditsLabels } from './loadCreditsLabels.js';
