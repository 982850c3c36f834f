import { balanceLabels } from './balanceLabels.js';
import type { CreditsLabels } from './CreditsLabels.js';
import { commonLabels } from './commonLabels.js';
import { historyLabels } from './historyLabels.js';
import { paymentLabels } from './paymentLabels.js';
import { usageChartLabels } from './usageChartLabels.js';

/**
 * Every English default in one object, for hosts that translate from it. The
 * widgets import only their own group, so a page that shows BalanceCards does
 * not download the purchase dialog's strings.
 */
export const defaultLabels: CreditsLabels = {
  ...commonLabels,
  ...balanceLabels,
  ...historyLabels,
  ...paymentLabels,
  ...usageChartLabels,
};
