import { Suspense } from 'react';
import { useCreditsConfig } from '../hooks/useCreditsConfig.js';
import { lazyWithPreload } from '../lib/lazyWithPreload.js';
import { WidgetErrorBoundary } from '../lib/WidgetErrorBoundary.js';

// The line (its query, schemas, words and "Complete payment") is auto-recharge's own chunk,
// fetched only where the backend offers auto-recharge.
const AutoRechargeBalanceLine = /* @__PURE__ */ lazyWithPreload(() =>
  import('./AutoRechargeBalanceLine.js').then((module) => ({
    default: module.AutoRechargeBalanceLine,
  })),
);

export interface AutoRechargeStatusProps {
  /** Replaces the line's own top margin. */
  className?: string;
}

/**
 * Auto-recharge's status for BalanceCards' `status` slot:
 * `<BalanceCards status={<AutoRechargeStatus />} />`. "Auto-recharge on · $45.00 of $100.00 this
 * month", "needs your action" with a "Complete payment" button that opens the purchase dialog's
 * 3D Secure challenge, the cap reached, or why it turned itself off. Nothing where `/config`
 * does not offer auto-recharge or the user has it off; BalanceCards loads none of it by itself.
 */
export function AutoRechargeStatus({ className }: AutoRechargeStatusProps) {
  const offered = useCreditsConfig().data?.autoRecharge === true;
  if (!offered) return null;
  return (
    <WidgetErrorBoundary slot="balance-auto-recharge">
      <Suspense fallback={null}>
        <AutoRechargeBalanceLine className={className} />
      </Suspense>
    </WidgetErrorBoundary>
  );
}
