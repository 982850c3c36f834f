import type { UsageSeries } from 'credits-core';
import { usageSeriesToCsv } from 'credits-core/export';
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import { type KeyboardEvent, useId, useMemo, useRef, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import type { HistoryFilterValues } from '../HistoryTable/historyFilterValues.js';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { usageChartLabels } from '../labels/usageChartLabels.js';
import { downloadCsv } from '../lib/downloadCsv.js';
import { addDays, zonedToday } from '../UsagePeriodPicker/usagePeriod.js';
import { seriesPatternStyle, UsageChartPatterns } from './UsageChartPatterns.js';
import { UsageChartTable } from './UsageChartTable.js';
import { bucketFormatter, seriesColour } from './usageChartModel.js';

const WIDTH = 640;
const HEIGHT = 200;
/** Room above the bars for the purchase marks. */
const TOP = 12;

export interface UsageChartBarsProps {
  series: UsageSeries;
  view: 'chart' | 'table';
  onViewChange: (view: 'chart' | 'table') => void;
  onSelect?: (filters: HistoryFilterValues) => void;
}

/** The chart's lazy chunk: stacked bars (d3 lays them out), legend, summary, table and CSV. */
export function UsageChartBars({ series, view, onViewChange, onSelect }: UsageChartBarsProps) {
  const labels = useLabels(usageChartLabels);
  const format = useFormatters();
  const { timeZone } = useCreditsContext('UsageChart');
  const [active, setActive] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const patternsId = useId();
  const bucketName = useMemo(
    () => bucketFormatter(series.bucket as 'day', format.locale, series.timeZone),
    [series.bucket, format.locale, series.timeZone],
  );
  const names = series.series.map((entry) => entry.website?.name ?? labels.otherWebsites);

  const layout = useMemo(() => {
    const x = scaleBand<number>()
      .domain(series.buckets.map((_, index) => index))
      .range([0, WIDTH])
      .paddingInner(series.buckets.length > 60 ? 0.1 : 0.25);
    const max = Math.max(1, ...series.buckets.map((bucket) => bucket.usage));
    const y = scaleLinear().domain([0, max]).nice().range([HEIGHT, TOP]);
    const layers = stack<UsageSeries['buckets'][number], number>()
      .keys(series.series.map((_, index) => index))
      .value((bucket, key) => bucket.byWebsite[key] ?? 0)(series.buckets);
    return { x, y, layers, max: y.domain()[1] ?? max };
  }, [series]);

  const describe = (index: number) => {
    const bucket = series.buckets[index]!;
    const parts = [
      labels.totalUsed(format.count(bucket.usage)),
      ...series.series
        .map((_, s) => [names[s], bucket.byWebsite[s] ?? 0] as const)
        .filter(([, credits]) => credits > 0)
        .map(([name, credits]) => `${name}: ${labels.credits(format.count(credits))}`),
      ...(bucket.purchases > 0
        ? [`${labels.purchased}: ${labels.credits(format.count(bucket.purchases))}`]
        : []),
    ];
    return labels.barLabel(bucketName(bucket.start), parts.join('; '));
  };

  /** The calendar days of a bucket, as the history's date filters hold them. */
  const daysOf = (index: number) => {
    const bucket = series.buckets[index]!;
    const fromDay = zonedToday(timeZone, Date.parse(bucket.start));
    const last = addDays(zonedToday(timeZone, Date.parse(bucket.end)), -1);
    // A bucket clipped to less than a day ends on the day it starts.
    const [, toDay = fromDay] = [fromDay, last].sort();
    return { fromDay, toDay };
  };
  const periodDays = () => ({
    fromDay: daysOf(0).fromDay,
    toDay: daysOf(series.buckets.length - 1).toDay,
  });
  const select = (websiteId: string | null, days: { fromDay: string; toDay: string }) => {
    setSelected(websiteId);
    onSelect?.({ websiteId: websiteId ?? undefined, ...days });
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const rtl = svgRef.current && getComputedStyle(svgRef.current).direction === 'rtl';
    const step = { ArrowRight: 1, ArrowLeft: -1, Home: -Infinity, End: Infinity }[event.key];
    if (step !== undefined) {
      event.preventDefault();
      const forward = rtl && Number.isFinite(step) ? -step : step;
      const next = Math.min(series.buckets.length - 1, Math.max(0, active + forward));
      setActive(next);
      (svgRef.current?.querySelector(`[data-index="${next}"]`) as SVGGElement | null)?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(null, daysOf(active));
    }
  };

  const busiest = series.buckets.reduce(
    (best, bucket, index) => (bucket.usage > (series.buckets[best]?.usage ?? 0) ? index : best),
    0,
  );
  const summary = labels.chartSummary(
    format.count(series.totalUsage),
    series.series[0]?.website?.name ?? null,
    series.totalUsage > 0 ? bucketName(series.buckets[busiest]!.start) : null,
  );

  const exportCsv = () =>
    downloadCsv(
      usageSeriesToCsv(series, labels.otherWebsites),
      `credits-usage-${series.from.slice(0, 10)}-${series.to.slice(0, 10)}.csv`,
    );

  const { x, y, layers } = layout;
  return (
    <div className="cr:relative cr:flex cr:flex-col cr:gap-3">
      <UsageChartPatterns id={patternsId} />
      <p data-slot="usage-chart-summary" className="cr:m-0 cr:text-sm cr:text-muted">
        {summary}
      </p>
      <ul
        data-slot="usage-chart-legend"
        className="cr:m-0 cr:flex cr:list-none cr:flex-wrap cr:gap-2 cr:p-0"
      >
        {series.series.map((entry, index) => (
          <li key={entry.website?.id ?? '\u0000other'}>
            <button
              type="button"
              aria-pressed={selected === (entry.website?.id ?? null) && selected !== null}
              disabled={entry.website === null}
              onClick={() => entry.website && select(entry.website.id, periodDays())}
              className="credits-button credits-button--secondary cr:gap-2 cr:text-sm"
            >
              <span
                aria-hidden="true"
                className="credits-chart-swatch cr:inline-block cr:size-3 cr:rounded-sm"
                style={{ background: seriesColour(series.series, index) }}
              />
              {/* Its pattern, shown instead under forced colours (styles.css). */}
              <svg aria-hidden="true" viewBox="0 0 12 12" className="credits-chart-swatch-forced">
                <rect
                  data-series={index}
                  width={12}
                  height={12}
                  style={seriesPatternStyle(patternsId, series.series, index)}
                />
              </svg>
              <span dir="auto">{names[index]}</span>
            </button>
          </li>
        ))}
        {series.totalPurchases > 0 && (
          <li className="cr:flex cr:items-center cr:gap-2 cr:px-2 cr:text-sm">
            <span aria-hidden="true" className="cr:text-accent">
              ▼
            </span>
            {labels.purchased}
          </li>
        )}
      </ul>
      {selected !== null && (
        <p className="cr:m-0 cr:flex cr:items-center cr:gap-2 cr:text-sm" role="status">
          {labels.selected(
            names[series.series.findIndex((entry) => entry.website?.id === selected)] ?? '',
          )}
          <button
            type="button"
            className="credits-button credits-button--secondary"
            onClick={() => select(null, periodDays())}
          >
            {labels.clearSelection}
          </button>
        </p>
      )}
      {view === 'chart' ? (
        // biome-ignore lint/a11y/useSemanticElements: the bars are SVG; a fieldset cannot hold them
        <svg
          ref={svgRef}
          role="group"
          aria-label={labels.usageChart}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          preserveAspectRatio="none"
          className="credits-usage-chart cr:h-48 cr:w-full cr:overflow-visible cr:rtl:-scale-x-100"
          onKeyDown={onKeyDown}
        >
          <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} stroke="var(--credits-border)" />
          {series.buckets.map((bucket, index) => (
            // biome-ignore lint/a11y/useSemanticElements: an SVG bar cannot be a <button>; it acts as one
            <g
              key={bucket.start}
              data-index={index}
              data-slot="usage-chart-bar"
              role="button"
              tabIndex={index === active ? 0 : -1}
              aria-label={describe(index)}
              onFocus={() => setActive(index)}
              className="cr:outline-none"
            >
              <rect x={x(index)} y={0} width={x.bandwidth()} height={HEIGHT} fill="transparent" />
              {layers.map((layer, s) => {
                const [low, high] = layer[index]!;
                if (high - low <= 0) return null;
                return (
                  // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut to one website's part of a bar; keyboards choose the bar (Enter) or the legend
                  <rect
                    key={layer.key}
                    data-series={s}
                    style={seriesPatternStyle(patternsId, series.series, s)}
                    x={x(index)}
                    y={y(high)}
                    width={x.bandwidth()}
                    height={Math.max(0, y(low) - y(high))}
                    fill={seriesColour(series.series, s)}
                    stroke="var(--credits-surface)"
                    strokeWidth={0.5}
                    onClick={() => {
                      const id = series.series[s]?.website?.id;
                      select(id ?? null, daysOf(index));
                    }}
                  />
                );
              })}
              {bucket.purchases > 0 && (
                <path
                  data-slot="usage-chart-purchase"
                  d={`M${(x(index) ?? 0) + x.bandwidth() / 2 - 5},0 h10 l-5,8 z`}
                  fill="var(--credits-accent)"
                />
              )}
              {index === active && (
                <rect
                  data-slot="usage-chart-focus"
                  x={(x(index) ?? 0) - 1}
                  y={1}
                  width={x.bandwidth() + 2}
                  height={HEIGHT - 1}
                  fill="none"
                  stroke="var(--credits-focus)"
                  strokeWidth={2}
                  className="credits-usage-chart-focus"
                />
              )}
            </g>
          ))}
        </svg>
      ) : (
        <UsageChartTable series={series} names={names} bucketName={bucketName} />
      )}
      <div
        className="cr:flex cr:flex-wrap cr:justify-between cr:gap-2 cr:text-xs cr:text-muted"
        aria-hidden={view === 'table'}
      >
        {view === 'chart' && (
          <>
            <span>{bucketName(series.buckets[0]!.start)}</span>
            <span>{labels.credits(format.count(layout.max))}</span>
            <span>{bucketName(series.buckets.at(-1)!.start)}</span>
          </>
        )}
      </div>
      <div className="cr:flex cr:flex-wrap cr:gap-2">
        <button
          type="button"
          className="credits-button credits-button--secondary"
          onClick={() => onViewChange(view === 'chart' ? 'table' : 'chart')}
        >
          {view === 'chart' ? labels.showTable : labels.showChart}
        </button>
        <button
          type="button"
          className="credits-button credits-button--secondary"
          onClick={exportCsv}
        >
          {labels.exportChartCsv}
        </button>
      </div>
    </div>
  );
}
