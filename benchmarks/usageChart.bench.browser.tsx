/**
 * UsageChart's render, in Chromium, next to the same bars drawn as plain SVG `<rect>`s by React
 * in the same run (issue 17): the chart's own cost over the floor of drawing its bars at all.
 *
 * Two series: 90 days × the top 5 websites + "other" (the period picker's longest preset), and
 * 365 days × 20 websites + "other" (the worst case; a year is drawn in 53 weekly bars).
 * Both sides get ready-made data (the chart's from a fresh query cache, no request), its lazy
 * chunk is loaded in the warm-up rounds, and each mount is timed from `render` to the next frame.
 * Figures are printed and written to benchmarks/results/usage-chart.md, never asserted (timings
 * on shared machines are noise); what is asserted is that both sides drew every bar.
 */
import { QueryClient } from '@tanstack/react-query';
import { createCreditsClient, type UsageSeries } from 'credits-core';
import { usageSeriesQueryOptions } from 'credits-core/query';
import { CreditsProvider, resolveUsagePeriod } from 'credits-react';
import { UsageChart } from 'credits-react/usage-chart';
import { expect, it } from 'vitest';
import {
  inTurns,
  median,
  mountTimed,
  nextFrame,
  RUNS,
  rawMs,
  unmount,
  WARMUP,
  writeReport,
} from './renderBench';

const TO_DAY = '2026-11-24';
const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A series as the backend answers it for `days` days and `websites` websites (+ "other"). */
function seriesOf(days: number, websites: number) {
  const period = { preset: 'custom' as const, fromDay: addDays(TO_DAY, 1 - days), toDay: TO_DAY };
  const range = resolveUsagePeriod(period, 'UTC');
  const step = range.bucket === 'week' ? 7 : 1;
  const buckets: UsageSeries['buckets'] = [];
  for (
    let start = Date.parse(range.from);
    start < Date.parse(range.to);
    start += step * 86_400_000
  ) {
    const end = Math.min(start + step * 86_400_000, Date.parse(range.to));
    const byWebsite = Array.from(
      { length: websites + 1 },
      (_, w) => (((start / 86_400_000) * 37 + w * 53) % 400) + 50,
    );
    buckets.push({
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      usage: byWebsite.reduce((sum, credits) => sum + credits, 0),
      purchases: buckets.length % 11 === 3 ? 10_000 : 0,
      grants: 0,
      byWebsite,
    });
  }
  const series: UsageSeries = {
    from: range.from,
    to: range.to,
    bucket: range.bucket,
    timeZone: 'UTC',
    series: Array.from({ length: websites + 1 }, (_, w) => ({
      website: w === websites ? null : { id: `web_${w}`, name: `Website ${w + 1}`, url: null },
      credits: buckets.reduce((sum, bucket) => sum + (bucket.byWebsite[w] ?? 0), 0),
    })),
    buckets,
    totalUsage: buckets.reduce((sum, bucket) => sum + bucket.usage, 0),
    totalPurchases: buckets.reduce((sum, bucket) => sum + bucket.purchases, 0),
    totalGrants: 0,
  };
  return { period, range, series, top: websites };
}

type Case = ReturnType<typeof seriesOf>;

function mountChart({ period, range, series, top }: Case) {
  const client = createCreditsClient({ baseUrl: 'http://127.0.0.1:9/none' });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY } },
  });
  // The two series UsageChart reads: this period by website, and the previous one's total.
  const shown = { from: range.from, to: range.to, bucket: range.bucket, timeZone: 'UTC' };
  queryClient.setQueryData(
    usageSeriesQueryOptions(client, 'bench', { ...shown, groupBy: 'website', top }).queryKey,
    series,
  );
  queryClient.setQueryData(
    usageSeriesQueryOptions(client, 'bench', {
      from: range.previousFrom,
      to: range.from,
      bucket: 'month',
      timeZone: 'UTC',
    }).queryKey,
    { ...series, series: [], buckets: [], totalUsage: 1 },
  );
  return mountTimed(
    <CreditsProvider
      client={client}
      account="bench"
      locale="en-US"
      timeZone="UTC"
      live={false}
      queryClient={queryClient}
    >
      <UsageChart defaultPeriod={period} top={top} />
    </CreditsProvider>,
  );
}

/** The floor: the same stacked bars as plain `<rect>`s, laid out by hand, no scales, no labels. */
function PlainBars({ series }: { series: UsageSeries }) {
  const width = 640;
  const height = 200;
  const band = width / series.buckets.length;
  const max = Math.max(1, ...series.buckets.map((bucket) => bucket.usage));
  const colours = ['#4338ca', '#0f766e', '#b45309', '#be185d', '#1d4ed8', '#15803d'];
  return (
    <svg
      role="img"
      aria-label="Plain bars"
      viewBox={`0 0 ${width} ${height}`}
      style={{ width: '100%', height: 192 }}
    >
      {series.buckets.map((bucket, index) => {
        let top = height;
        return (
          <g key={bucket.start}>
            {bucket.byWebsite.map((credits, s) => {
              const h = (credits / max) * height;
              top -= h;
              return (
                <rect
                  // biome-ignore lint/suspicious/noArrayIndexKey: series order is fixed
                  key={s}
                  data-plain-bar=""
                  x={index * band}
                  y={top}
                  width={band * 0.8}
                  height={h}
                  fill={colours[s % colours.length]}
                />
              );
            })}
          </g>
        );
      })}
    </svg>
  );
}

const mountPlain = ({ series }: Case) => mountTimed(<PlainBars series={series} />);

const CASES = [
  { name: '90 days × top 5 websites + other', data: seriesOf(90, 5) },
  { name: '365 days (53 weekly bars) × 20 websites + other', data: seriesOf(365, 20) },
];

it('UsageChart render vs the same bars as plain SVG', async () => {
  const lines: string[] = [];
  for (const { name, data } of CASES) {
    const rects = data.series.buckets.length * data.series.series.length;
    const { chart = [], plain = [] } = await inTurns(['plain', 'chart'], async (side, run) => {
      const mounted = side === 'chart' ? mountChart(data) : mountPlain(data);
      if (side === 'chart' && run === 0) {
        // First mount: the chart's lazy chunk loads (not timed; warm-up).
        await expect
          .poll(() => mounted.container.querySelectorAll('[data-slot="usage-chart-bar"]').length)
          .toBe(data.series.buckets.length);
      }
      await nextFrame();
      const mount = performance.now() - mounted.started;
      // Both drew every bar (the chart's bars in this frame, not a skeleton).
      if (side === 'chart')
        expect(mounted.container.querySelectorAll('[data-slot="usage-chart-bar"]')).toHaveLength(
          data.series.buckets.length,
        );
      else expect(mounted.container.querySelectorAll('[data-plain-bar]')).toHaveLength(rects);
      unmount(mounted);
      return { [side]: mount };
    });
    const c = median(chart);
    const p = median(plain);
    lines.push(
      `| ${name} (${rects.toLocaleString('en-US')} rects) | ${c.toFixed(1)} ms | ${p.toFixed(1)} ms | ${(c / p).toFixed(2)}× | ${(c - p).toFixed(1)} ms | ${c - p <= 16.7 ? '✓' : '✗'} |`,
      '',
      `Raw (ms), ${name}: UsageChart ${rawMs(chart)}; plain SVG ${rawMs(plain)}.`,
      '',
    );
  }
  const table = lines.filter((line) => line.startsWith('|'));
  const raw = lines.filter((line) => line.startsWith('Raw'));
  const report = [
    '# UsageChart render benchmark',
    '',
    `Chromium (headless, Debian) on this machine, ${new Date().toISOString().slice(0, 10)}. Mount → next frame, median of ${RUNS} runs after ${WARMUP} unmeasured warm-up rounds (the chart's lazy chunk loads in the first), alternating order, data ready-made on both sides. The plain side is React drawing the same stacked \`<rect>\`s with no scales, labels, legend or accessibility. Written by \`pnpm bench\` (benchmarks/usageChart.bench.browser.tsx).`,
    '',
    '| series | UsageChart | plain SVG | ratio | difference | within one frame (16.7 ms) |',
    '|---|---|---|---|---|---|',
    ...table,
    '',
    ...raw.flatMap((line) => [line, '']),
  ];
  await writeReport('usage-chart.md', report);
});
