export { AutoRechargeSettings, type AutoRechargeSettingsProps } from './AutoRechargeSettings.js';
export type { AutoRechargeLabels } from './autoRechargeLabels.js';
