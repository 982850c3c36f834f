import { safeHttpUrl } from 'credits-core';
import { useId } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { useUsageByWebsite } from '../hooks/useUsageByWebsite.js';
import { historyLabels } from '../labels/historyLabels.js';
import { cn } from '../lib/cn.js';
import { ErrorState } from '../lib/ErrorState.js';
import { withErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';
import { widgetStatus } from '../lib/widgetStatus.js';
import { UsagePeriodPicker } from '../UsagePeriodPicker/UsagePeriodPicker.js';
import { resolveUsagePeriod, type UsagePeriod } from '../UsagePeriodPicker/usagePeriod.js';

export interface UsageByWebsiteProps {
  className?: string;
  /** Period start (ISO 8601). Default: 30 days ago, as the backend defines it. */
  from?: string;
  to?: string;
  /** How many websites to list (from the first page of the ranking). Default 5. */
  limit?: number;
  /**
   * The period shown, from the same picker as UsageChart (controlled): pass one `UsagePeriod`
   * to both widgets to move them together. Shows the picker; `from`/`to` are then ignored.
   */
  period?: UsagePeriod;
  onPeriodChange?: (period: UsagePeriod) => void;
}

/** Which websites consume the most credits: a ranked list with each one's share. */
function UsageByWebsiteContent({
  className,
  from,
  to,
  limit = 5,
  period,
  onPeriodChange,
}: UsageByWebsiteProps) {
  const labels = useLabels(historyLabels);
  const format = useFormatters();
  const { timeZone } = useCreditsContext('UsageByWebsite');
  const range = period ? resolveUsagePeriod(period, timeZone) : { from, to };
  const usage = useUsageByWebsite({ from: range.from, to: range.to });
  const headingId = useId();
  const status = widgetStatus(usage);

  return (
    <WidgetRoot
      slot="usage-by-website"
      status={status}
      className={className}
      aria-busy={status === 'loading'}
    >
      <section aria-labelledby={headingId} className="credits-card cr:flex cr:flex-col cr:gap-3">
        <h2 id={headingId} className="cr:m-0 cr:text-base cr:font-semibold">
          {/* The separator's spaces in the heading's own text: a name computed from the parts
              trims each element's text ("website· Last"). */}
          {period ? labels.usageByWebsite : `${labels.usageByWebsite}${labels.separator}`}
          {!period && (
            <span className="cr:text-sm cr:font-normal cr:text-muted">{labels.usagePeriod}</span>
          )}
        </h2>
        {period && onPeriodChange && (
          <UsagePeriodPicker value={period} onValueChange={onPeriodChange} />
        )}
        {status === 'loading' && (
          <div data-slot="usage-skeleton" className="cr:flex cr:flex-col cr:gap-3">
            <p className="cr:sr-only">{labels.loadingUsage}</p>
            {[0, 1, 2].map((key) => (
              <div key={key} aria-hidden="true" className="cr:flex cr:flex-col cr:gap-1">
                <span className="cr:flex cr:h-5 cr:items-center cr:justify-between">
                  <span className="credits-skeleton cr:h-3 cr:w-32" />
                  <span className="credits-skeleton cr:h-3 cr:w-24" />
                </span>
                <span className="credits-skeleton cr:h-1.5 cr:w-full cr:rounded-full" />
              </div>
            ))}
          </div>
        )}
        {status === 'error' && (
          <ErrorState error={usage.error} onRetry={() => void usage.refetch()} />
        )}
        {usage.data && usage.data.data.length === 0 && (
          <p className="cr:m-0 cr:text-sm cr:text-muted">{labels.noUsage}</p>
        )}
        {usage.data && usage.data.data.length > 0 && (
          <ol className="cr:m-0 cr:flex cr:list-none cr:flex-col cr:gap-3 cr:p-0">
            {usage.data.data.slice(0, limit).map((entry) => {
              const share =
                usage.data.totalCredits > 0 ? entry.credits / usage.data.totalCredits : 0;
              const href = safeHttpUrl(entry.website.url);
              return (
                <li
                  key={entry.website.id}
                  data-slot="usage-row"
                  className="cr:flex cr:flex-col cr:gap-1 cr:text-sm"
                >
                  <div className="cr:flex cr:items-baseline cr:justify-between cr:gap-3">
                    {href ? (
                      <a
                        href={href}
                        target="_blank"
                        rel="noopener noreferrer"
                        dir="auto"
                        title={entry.website.name}
                        className="cr:relative cr:truncate cr:text-accent cr:underline cr:underline-offset-2"
                      >
                        {entry.website.name}
                        <span className="cr:sr-only">{` ${labels.opensInNewTab}`}</span>
                      </a>
                    ) : (
                      <span className="cr:truncate" dir="auto" title={entry.website.name}>
                        {entry.website.name}
                      </span>
                    )}
                    <span className="cr:shrink-0 cr:tabular-nums cr:text-muted">
                      {`${labels.credits(format.count(entry.credits))}${labels.separator}${format.percent(share)}`}
                    </span>
                  </div>
                  <div
                    aria-hidden="true"
                    className="credits-meter cr:h-1.5 cr:w-full cr:overflow-hidden cr:rounded-full cr:bg-warning-soft"
                  >
                    <div
                      className={cn('cr:h-full cr:rounded-full cr:bg-warning')}
                      style={{ width: `${share * 100}%` }}
                    />
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </section>
    </WidgetRoot>
  );
}

/** UsageByWebsite, inside its own error boundary. */
export const UsageByWebsite = /* @__PURE__ */ withErrorBoundary(
  'usage-by-website',
  UsageByWebsiteContent,
);
