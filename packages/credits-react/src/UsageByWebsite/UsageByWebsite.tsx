import { useId } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { useUsageByWebsitePages } from '../hooks/useUsageByWebsitePages.js';
import { historyLabels } from '../labels/historyLabels.js';
import { ErrorState } from '../lib/ErrorState.js';
import { withErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';
import { widgetStatus } from '../lib/widgetStatus.js';
import { UsagePeriodPicker } from '../UsagePeriodPicker/UsagePeriodPicker.js';
import { resolveUsagePeriod, type UsagePeriod } from '../UsagePeriodPicker/usagePeriod.js';
import { UsageRow } from './UsageRow.js';
import { useShowMore } from './useShowMore.js';

export interface UsageByWebsiteProps {
  className?: string;
  /** Period start (ISO 8601). Default: 30 days ago, as the backend defines it. */
  from?: string;
  to?: string;
  /** How many websites to list, and how many more each "Show more" adds. Default 5. */
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
  // The backend's page size (the same request, and cache entry, as HistoryTable's website
  // filter); "Show more" reveals `limit` more and asks for the next page when they run out.
  const usage = useUsageByWebsitePages({ from: range.from, to: range.to });
  const headingId = useId();
  const countId = useId();
  const status = widgetStatus(usage);
  const pages = usage.data?.pages ?? [];
  // A website already listed is not listed twice if the ranking moved between two pages.
  const entries = [
    ...new Map(pages.flatMap((page) => page.data).map((e) => [e.website.id, e])).values(),
  ];
  const totalCredits = pages[0]?.totalCredits ?? 0;
  const more = useShowMore(usage, entries.length, limit, `${range.from}|${range.to}|${limit}`);
  const paged = more.hasMore || more.visible > limit;

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
        {usage.data && entries.length === 0 && (
          <p className="cr:m-0 cr:text-sm cr:text-muted">{labels.noUsage}</p>
        )}
        {usage.data && entries.length > 0 && (
          <>
            <ol className="cr:m-0 cr:flex cr:list-none cr:flex-col cr:gap-3 cr:p-0">
              {entries.slice(0, more.visible).map((entry, index) => (
                <UsageRow
                  key={entry.website.id}
                  entry={entry}
                  totalCredits={totalCredits}
                  rowRef={index === more.focusIndex ? more.focusRow : undefined}
                />
              ))}
            </ol>
            {paged && (
              <div className="cr:flex cr:flex-wrap cr:items-center cr:justify-between cr:gap-2">
                <p
                  id={countId}
                  role="status"
                  data-slot="usage-shown"
                  className="cr:m-0 cr:text-sm cr:text-muted"
                >
                  {labels.websitesShown(format.count(more.visible))}
                </p>
                {more.hasMore && (
                  <button
                    type="button"
                    data-slot="usage-show-more"
                    className="credits-button credits-button--secondary"
                    aria-describedby={countId}
                    // aria-disabled, not disabled: a disabled button drops keyboard focus.
                    aria-disabled={more.loading || undefined}
                    onClick={more.showMore}
                  >
                    {more.loading ? labels.loadingUsage : labels.showMoreWebsites}
                  </button>
                )}
              </div>
            )}
            {usage.isFetchNextPageError && (
              <ErrorState error={usage.error} onRetry={() => void usage.fetchNextPage()} />
            )}
          </>
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
