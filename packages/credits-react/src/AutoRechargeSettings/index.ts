export { AutoRechargeSettings, type AutoRechargeSettingsProps } from './AutoRechargeSettings.js';
export { AutoRechargeStatusLine } from './AutoRechargeStatusLine.js';
export { type AutoRechargeLabels, autoRechargeLabels } from './autoRechargeLabels.js';
