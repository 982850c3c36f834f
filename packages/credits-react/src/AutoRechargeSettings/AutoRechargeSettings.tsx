import { Suspense, useId } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { usePackages } from '../hooks/usePackages.js';
import { usePaymentMethods } from '../hooks/usePaymentMethods.js';
import { ErrorState } from '../lib/ErrorState.js';
import { lazyWithPreload } from '../lib/lazyWithPreload.js';
import { withErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';
import { widgetStatus } from '../lib/widgetStatus.js';
import { autoRechargeLabels } from './autoRechargeLabels.js';
import { useAutoRecharge } from './useAutoRecharge.js';

// The form (Radix Switch, the validation rule, the card list) is its own chunk.
const AutoRechargeForm = /* @__PURE__ */ lazyWithPreload(() =>
  import('./AutoRechargeForm.js').then((module) => ({ default: module.AutoRechargeForm })),
);

export interface AutoRechargeSettingsProps {
  className?: string;
}

/**
 * Auto-recharge settings and this month's status: an opt-in switch, the threshold, the package
 * to buy, a monthly cap in money ("up to N recharges a month") and the card to charge. Shown
 * where the backend offers auto-recharge (`Config.autoRecharge`).
 */
function AutoRechargeSettingsContent({ className }: AutoRechargeSettingsProps) {
  const { locale } = useCreditsContext('<AutoRechargeSettings>');
  const labels = autoRechargeLabels(locale);
  const headingId = useId();
  const { query, save } = useAutoRecharge();
  const packages = usePackages();
  const methods = usePaymentMethods();
  const status = widgetStatus({
    isPending: query.isPending || packages.isPending || methods.isPending,
    isError: query.isError || packages.isError || methods.isError,
    data: query.data && packages.data && methods.data,
  });
  const failed = [query, packages, methods].find((result) => result.isError);
  return (
    <WidgetRoot
      slot="auto-recharge-settings"
      status={status}
      className={className}
      aria-busy={status === 'loading'}
    >
      <section aria-labelledby={headingId} className="credits-card cr:flex cr:flex-col cr:gap-3">
        <h2 id={headingId} className="cr:m-0 cr:text-base cr:font-semibold">
          {labels.title}
        </h2>
        {status === 'error' && failed ? (
          <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
        ) : query.data && packages.data && methods.data ? (
          <Suspense fallback={null}>
            <AutoRechargeForm
              // A saved document starts the form over from what the backend kept.
              key={JSON.stringify(query.data.settings)}
              document={query.data}
              packages={packages.data.data}
              methods={methods.data.data}
              labels={labels}
              saving={save.isPending}
              saveError={save.error}
              saved={save.isSuccess}
              onSave={(settings) => save.mutate(settings)}
            />
          </Suspense>
        ) : null}
      </section>
    </WidgetRoot>
  );
}

export const AutoRechargeSettings = /* @__PURE__ */ withErrorBoundary(
  'auto-recharge-settings',
  AutoRechargeSettingsContent,
);
