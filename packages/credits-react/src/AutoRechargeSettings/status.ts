// `credits-react/auto-recharge-status`: the status line for BalanceCards' `status` slot, an entry
// of its own so that AutoRechargeSettings never loads the purchase dialog it can open.
export { AutoRechargeStatus, type AutoRechargeStatusProps } from './AutoRechargeStatus.js';
