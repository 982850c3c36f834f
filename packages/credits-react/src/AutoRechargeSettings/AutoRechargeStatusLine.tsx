import type { AutoRecharge } from 'credits-core/auto-recharge';
import type { ReactNode, Ref } from 'react';
import { useFormatters } from '../hooks/useFormatters.js';
import { useIsolateValues } from '../lib/useIsolateValues.js';
import type { AutoRechargeLabels } from './autoRechargeLabels.js';

/**
 * One line on where auto-recharge stands this month, with `data-state` for hosts and tests.
 * AutoRechargeSettings and BalanceCards' `<AutoRechargeStatus />` both show it; the latter puts
 * "Complete payment" after it (`children`) when a recharge waits for the user's 3D Secure.
 */
export function AutoRechargeStatusLine({
  document,
  labels,
  lineRef,
  children,
}: {
  document: AutoRecharge;
  labels: AutoRechargeLabels;
  /** The status text, focusable from script: where focus goes once its action is gone. */
  lineRef?: Ref<HTMLParagraphElement>;
  children?: ReactNode;
}) {
  const format = useFormatters();
  const isolate = useIsolateValues();
  const { settings, status } = document;
  const cap = format.money(settings.monthlyCap);
  const reason = status.disabledReason as keyof AutoRechargeLabels['statusDisabled'] | null;
  const text =
    status.state === 'needs_action'
      ? labels.statusNeedsAction
      : status.state === 'cap_reached'
        ? isolate((mark) => labels.statusCapReached(mark(cap)))
        : status.state === 'disabled'
          ? ((reason && labels.statusDisabled[reason]) ?? labels.statusOff)
          : status.state === 'active'
            ? isolate((mark) => labels.statusOn(mark(format.money(status.spent)), mark(cap)))
            : labels.statusOff;
  const declined = status.state === 'active' && status.lastAttempt?.outcome === 'declined';
  const tone =
    status.state === 'active' ? 'positive' : status.state === 'off' ? undefined : 'warning';
  return (
    <div className="cr:flex cr:flex-wrap cr:items-center cr:gap-x-3 cr:gap-y-2">
      <p
        ref={lineRef}
        tabIndex={lineRef ? -1 : undefined}
        data-slot="auto-recharge-status"
        data-state={status.state}
        role="status"
        className="cr:m-0 cr:flex cr:flex-wrap cr:items-center cr:gap-2 cr:text-sm"
      >
        <span className="credits-badge cr:max-w-full cr:whitespace-normal" data-tone={tone}>
          {text}
        </span>
        {declined && <span className="cr:text-muted">{labels.lastDeclined}</span>}
      </p>
      {children}
    </div>
  );
}
