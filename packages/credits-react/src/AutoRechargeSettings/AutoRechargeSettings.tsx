import { Suspense } from 'react';
import { lazyWithPreload } from '../lib/lazyWithPreload.js';
import { withErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';

// Everything but this shell (the queries, the auto-recharge schemas, the Radix Switch, the
// validation rule) is one chunk: a page that never shows the widget never downloads it.
const AutoRechargePanel = /* @__PURE__ */ lazyWithPreload(() =>
  import('./AutoRechargePanel.js').then((module) => ({ default: module.AutoRechargePanel })),
);

export interface AutoRechargeSettingsProps {
  className?: string;
}

/**
 * Auto-recharge settings and this month's status: an opt-in switch, the threshold, the package
 * to buy, a monthly cap in money ("up to N recharges a month") and the card to charge. Show it
 * where the backend offers auto-recharge (`Config.autoRecharge`).
 */
function AutoRechargeSettingsContent({ className }: AutoRechargeSettingsProps) {
  return (
    <Suspense
      fallback={
        <WidgetRoot slot="auto-recharge-settings" status="loading" className={className} aria-busy>
          <section className="credits-card cr:min-h-40" />
        </WidgetRoot>
      }
    >
      <AutoRechargePanel className={className} />
    </Suspense>
  );
}

export const AutoRechargeSettings = /* @__PURE__ */ withErrorBoundary(
  'auto-recharge-settings',
  AutoRechargeSettingsContent,
);
