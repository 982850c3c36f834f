import { useRef } from 'react';
import { AutoRechargeStatusLine } from './AutoRechargeStatusLine.js';
import { CompletePaymentButton } from './CompletePaymentButton.js';
import { useAutoRecharge } from './useAutoRecharge.js';
import { useAutoRechargeLabels } from './useAutoRechargeLabels.js';

/**
 * The status line under BalanceCards (`<AutoRechargeStatus />`'s lazy part): shown while
 * auto-recharge is on or needs attention (a payment to complete, the cap reached, turned off by
 * itself); nothing while the user has it off, or while its status or words are loading.
 */
export function AutoRechargeBalanceLine({ className }: { className?: string }) {
  const labels = useAutoRechargeLabels();
  const { data } = useAutoRecharge().query;
  const line = useRef<HTMLParagraphElement>(null);
  if (!labels || !data || data.status.state === 'off') return null;
  const { state, actionPurchaseId } = data.status;
  return (
    <div data-slot="balance-auto-recharge" className={className ?? 'cr:mt-4'}>
      <AutoRechargeStatusLine document={data} labels={labels} lineRef={line}>
        <CompletePaymentButton
          purchaseId={state === 'needs_action' ? actionPurchaseId : null}
          label={labels.completePayment}
          fallbackFocus={() => line.current}
        />
      </AutoRechargeStatusLine>
    </div>
  );
}
