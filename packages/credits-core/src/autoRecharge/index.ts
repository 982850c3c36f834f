export { getAutoRecharge, updateAutoRecharge } from './autoRechargeCalls.js';
export {
  type AutoRechargeOperationDefinition,
  type AutoRechargeOperationId,
  autoRechargeOperations,
} from './autoRechargeOperations.js';
export {
  autoRechargeKey,
  autoRechargeQueryOptions,
  parseAutoRecharge,
  updateAutoRechargeMutationOptions,
} from './autoRechargeQueryOptions.js';
export {
  type AutoRechargeIssue,
  autoRechargeCard,
  autoRechargeIssues,
  autoRechargePeriod,
  rechargesWithinCap,
} from './autoRechargeRules.js';
export * from './autoRechargeSchemas.js';
