import type { UsageSeries } from 'credits-core';
import type { CSSProperties } from 'react';

/**
 * What tells series apart when colour cannot (Windows contrast themes, `forced-colors: active`,
 * where every series would be drawn in the one CanvasText colour): a fill pattern per series,
 * in the theme's system colours. Solid, hatched one way, horizontal lines, dots, hatched the
 * other way, vertical lines; "other" is cross-hatched. Patterns repeat every six websites, as
 * the colours do. Outside forced colours nothing uses them (styles.css switches the fills).
 */
const TILES: Record<string, string> = {
  '0': 'M0,0h6v6h-6z',
  '1': 'M-1,1l2,-2M0,6l6,-6M5,7l2,-2',
  '2': 'M0,1.5h6M0,4.5h6',
  '3': 'M1.5,1.5h0.01M4.5,4.5h0.01',
  '4': 'M-1,5l2,2M0,0l6,6M5,-1l2,2',
  '5': 'M1.5,0v6M4.5,0v6',
  other: 'M0,0l6,6M6,0l-6,6',
};

/** Which pattern series `index` wears (the same rule as its colour). */
function patternKey(series: UsageSeries['series'], index: number): string {
  return series[index]?.website === null ? 'other' : String(index % 6);
}

/** The style that makes an SVG shape wear series `index`'s pattern under forced colours. */
export function seriesPatternStyle(
  patternsId: string,
  series: UsageSeries['series'],
  index: number,
): CSSProperties {
  return {
    '--credits-series-pattern': `url(#${patternsId}-${patternKey(series, index)})`,
  } as CSSProperties;
}

/** The patterns' definitions, once per chart (the legend's swatches use them too). */
export function UsageChartPatterns({ id }: { id: string }) {
  return (
    <svg
      aria-hidden="true"
      data-slot="usage-chart-patterns"
      width={0}
      height={0}
      className="cr:absolute cr:overflow-hidden"
    >
      <defs>
        {Object.entries(TILES).map(([key, path]) => (
          <pattern key={key} id={`${id}-${key}`} width={6} height={6} patternUnits="userSpaceOnUse">
            <rect width={6} height={6} fill="Canvas" />
            <path
              d={path}
              fill={key === '0' ? 'CanvasText' : 'none'}
              stroke="CanvasText"
              strokeWidth={key === '3' ? 2.5 : 1.25}
              strokeLinecap="round"
            />
          </pattern>
        ))}
      </defs>
    </svg>
  );
}
