export { AutoRechargeSettings, type AutoRechargeSettingsProps } from './AutoRechargeSettings.js';
export type { AutoRechargeLabelOverrides, AutoRechargeLabels } from './autoRechargeLabels.js';
