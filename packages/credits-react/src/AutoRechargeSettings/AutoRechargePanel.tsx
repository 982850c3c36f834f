import { useId } from 'react';
import { usePackages } from '../hooks/usePackages.js';
import { usePaymentMethods } from '../hooks/usePaymentMethods.js';
import { ErrorState } from '../lib/ErrorState.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';
import { widgetStatus } from '../lib/widgetStatus.js';
import { AutoRechargeForm } from './AutoRechargeForm.js';
import { useAutoRecharge } from './useAutoRecharge.js';
import { useAutoRechargeLabels } from './useAutoRechargeLabels.js';

/** The widget's content, loaded as its own chunk: the queries, the status line and the form. */
export function AutoRechargePanel({ className }: { className?: string }) {
  const labels = useAutoRechargeLabels();
  const headingId = useId();
  const { query, save } = useAutoRecharge();
  const packages = usePackages();
  const methods = usePaymentMethods();
  const status = widgetStatus({
    // Until the locale's words are here too: never English first.
    isPending: !labels || query.isPending || packages.isPending || methods.isPending,
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
          {labels?.title}
        </h2>
        {!labels ? null : status === 'error' && failed ? (
          <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />
        ) : query.data && packages.data && methods.data ? (
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
        ) : null}
      </section>
    </WidgetRoot>
  );
}
