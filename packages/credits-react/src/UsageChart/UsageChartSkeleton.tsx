/**
 * UsageChart's placeholder, shaped like the loaded chart (the total, the summary line, the
 * legend's buttons, the bars, the axis line and the two buttons under it, with the same gaps),
 * so the page below does not move when the series or the chart's chunk arrives. `total: false`
 * is the chunk's own placeholder, under a total already shown.
 */
export function UsageChartSkeleton({ total = true }: { total?: boolean }) {
  return (
    <div aria-hidden="true" className="cr:flex cr:flex-col cr:gap-3">
      {total && <span className="credits-skeleton cr:h-7 cr:w-48" />}
      <span className="credits-skeleton cr:h-5 cr:w-3/4" />
      <span className="cr:flex cr:gap-2">
        <span className="credits-skeleton cr:h-10 cr:w-28" />
        <span className="credits-skeleton cr:h-10 cr:w-24" />
      </span>
      <span className="credits-skeleton cr:h-48 cr:w-full" />
      <span className="credits-skeleton cr:h-4 cr:w-full" />
      <span className="cr:flex cr:gap-2">
        <span className="credits-skeleton cr:h-10 cr:w-32" />
        <span className="credits-skeleton cr:h-10 cr:w-28" />
      </span>
    </div>
  );
}
