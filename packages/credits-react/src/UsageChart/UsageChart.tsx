import { Suspense, useId, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import type { HistoryFilterValues } from '../HistoryTable/historyFilterValues.js';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { useUsageSeries } from '../hooks/useUsageSeries.js';
import { usageChartLabels } from '../labels/usageChartLabels.js';
import { ErrorState } from '../lib/ErrorState.js';
import { lazyWithPreload } from '../lib/lazyWithPreload.js';
import { useControllableState } from '../lib/useControllableState.js';
import { withErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';
import { widgetStatus } from '../lib/widgetStatus.js';
import { UsagePeriodPicker } from '../UsagePeriodPicker/UsagePeriodPicker.js';
import {
  DEFAULT_USAGE_PERIOD,
  resolveUsagePeriod,
  type UsagePeriod,
} from '../UsagePeriodPicker/usagePeriod.js';
import { UsageChartSkeleton } from './UsageChartSkeleton.js';
import { changeFraction } from './usageChartModel.js';

// The chart itself (d3-scale, d3-shape, the SVG, the table view and the CSV export) is its own
// chunk: a page that never shows the chart never downloads it.
const UsageChartBars = /* @__PURE__ */ lazyWithPreload(() =>
  import('./UsageChartBars.js').then((module) => ({ default: module.UsageChartBars })),
);

export interface UsageChartProps {
  className?: string;
  /** The period shown (controlled); share it with UsageByWebsite to move both together. */
  period?: UsagePeriod;
  defaultPeriod?: UsagePeriod;
  onPeriodChange?: (period: UsagePeriod) => void;
  /** Websites with a colour of their own; the rest are "other". Default 5. */
  top?: number;
  /**
   * Called when a bar or a legend entry is chosen, with HistoryTable's filter values for it
   * (the website, the days): pass them to `<HistoryTable filters>` to show those rows.
   */
  onSelect?: (filters: HistoryFilterValues) => void;
}

/** Credits used per day, week or month, stacked by website, with purchases marked. */
function UsageChartContent({
  className,
  period: controlled,
  defaultPeriod = DEFAULT_USAGE_PERIOD,
  onPeriodChange,
  top = 5,
  onSelect,
}: UsageChartProps) {
  const labels = useLabels(usageChartLabels);
  const format = useFormatters();
  const { timeZone } = useCreditsContext('UsageChart');
  const [period, setPeriod] = useControllableState({
    prop: controlled,
    defaultProp: defaultPeriod,
    onChange: onPeriodChange,
  });
  const range = resolveUsagePeriod(period, timeZone);
  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const series = useUsageSeries({
    from: range.from,
    to: range.to,
    bucket: range.bucket,
    timeZone: zone,
    groupBy: 'website',
    top,
  });
  const previous = useUsageSeries({
    from: range.previousFrom,
    to: range.from,
    bucket: 'month',
    timeZone: zone,
  });
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const headingId = useId();
  const status = widgetStatus(series);
  const data = series.data;
  const change = data ? changeFraction(data.totalUsage, previous.data?.totalUsage) : null;

  return (
    <WidgetRoot
      slot="usage-chart"
      status={status}
      className={className}
      aria-busy={status === 'loading'}
    >
      <section aria-labelledby={headingId} className="credits-card cr:flex cr:flex-col cr:gap-3">
        <div className="cr:flex cr:flex-wrap cr:items-end cr:justify-between cr:gap-3">
          <h2 id={headingId} className="cr:m-0 cr:text-base cr:font-semibold">
            {labels.usageChart}
          </h2>
          <UsagePeriodPicker value={period} onValueChange={setPeriod} />
        </div>
        {status === 'loading' && (
          <div data-slot="usage-chart-skeleton">
            <p className="cr:sr-only">{labels.loadingChart}</p>
            <UsageChartSkeleton />
          </div>
        )}
        {status === 'error' && (
          <ErrorState error={series.error} onRetry={() => void series.refetch()} />
        )}
        {data && (
          <>
            <p
              data-slot="usage-chart-total"
              className="cr:m-0 cr:flex cr:flex-wrap cr:items-baseline cr:gap-x-3"
            >
              <span className="cr:text-xl cr:font-semibold cr:tabular-nums">
                {labels.totalUsed(format.count(data.totalUsage))}
              </span>
              <span data-slot="usage-chart-change" className="cr:text-sm cr:text-muted">
                {change === null
                  ? previous.data
                    ? labels.noPreviousUsage
                    : null
                  : labels.changeVsPrevious(
                      new Intl.NumberFormat(format.locale, {
                        style: 'percent',
                        maximumFractionDigits: 0,
                        signDisplay: 'exceptZero',
                      }).format(change),
                    )}
              </span>
            </p>
            {data.totalUsage === 0 && data.totalPurchases === 0 ? (
              <p className="cr:m-0 cr:text-sm cr:text-muted">{labels.noUsageInPeriod}</p>
            ) : (
              <Suspense fallback={<UsageChartSkeleton total={false} />}>
                <UsageChartBars
                  series={data}
                  view={view}
                  onViewChange={setView}
                  onSelect={onSelect}
                />
              </Suspense>
            )}
          </>
        )}
      </section>
    </WidgetRoot>
  );
}

/** UsageChart, inside its own error boundary. */
export const UsageChart = /* @__PURE__ */ withErrorBoundary('usage-chart', UsageChartContent);
