import type { UsageSeries } from 'credits-core';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { usageChartLabels } from '../labels/usageChartLabels.js';

/** The chart's numbers as a table: one row per bucket, one column per series. */
export function UsageChartTable({
  series,
  names,
  bucketName,
}: {
  series: UsageSeries;
  names: string[];
  bucketName: (iso: string) => string;
}) {
  const labels = useLabels(usageChartLabels);
  const format = useFormatters();
  const cell = 'cr:border-b cr:border-border cr:px-2 cr:py-1 cr:text-end cr:tabular-nums';
  return (
    // A scrolling region is reached by keyboard to scroll it (WCAG 2.1.1, axe scrollable-region-focusable).
    <section
      className="cr:max-h-80 cr:overflow-auto"
      data-slot="usage-chart-table"
      aria-label={`${labels.usageChart}: ${labels.tableTotal}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: see above
      tabIndex={0}
    >
      <table className="cr:w-full cr:border-collapse cr:text-sm">
        <caption className="cr:sr-only">{labels.usageChart}</caption>
        <thead>
          <tr>
            <th scope="col" className="cr:border-b cr:border-border cr:px-2 cr:py-1 cr:text-start">
              {labels.tablePeriod}
            </th>
            {names.map((name, index) => (
              <th
                key={series.series[index]?.website?.id ?? '\u0000other'}
                scope="col"
                className={cell}
                dir="auto"
              >
                {name}
              </th>
            ))}
            <th scope="col" className={cell}>
              {labels.tableTotal}
            </th>
            <th scope="col" className={cell}>
              {labels.purchased}
            </th>
          </tr>
        </thead>
        <tbody>
          {series.buckets.map((bucket) => (
            <tr key={bucket.start}>
              <th
                scope="row"
                className="cr:border-b cr:border-border cr:px-2 cr:py-1 cr:text-start cr:font-normal"
              >
                {bucketName(bucket.start)}
              </th>
              {names.map((name, index) => (
                <td key={name} className={cell}>
                  {format.credits(bucket.byWebsite[index] ?? 0)}
                </td>
              ))}
              <td className={cell}>{format.credits(bucket.usage)}</td>
              <td className={cell}>{format.credits(bucket.purchases)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
