/**
 * What the browser render benchmarks share: the widgets' stylesheet on the page, a mount timed
 * from `render` to the next frame in a 900 px container, the two sides run in turn (the order
 * alternating so neither always runs on a warmer engine), medians after unmeasured warm-up
 * rounds, and the report printed and written to benchmarks/results. Timings are never asserted.
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { commands } from 'vitest/browser';
import creditsCss from '../packages/credits-react/src/styles.css?inline';

/** Measured runs of each side, after the warm-up rounds. */
export const RUNS = 9;
/** Unmeasured rounds first, for both sides alike: the JIT warms up on either's code before timing. */
export const WARMUP = 2;

export const nextFrame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Raw timings as the reports list them: "12.3, 11.9, …". */
export const rawMs = (values: number[]) => values.map((value) => value.toFixed(1)).join(', ');

const style = document.createElement('style');
style.textContent = creditsCss;
document.head.append(style);

export interface Mounted {
  container: HTMLElement;
  root: Root;
  /** `performance.now()` just before the render. */
  started: number;
}

/** Renders `element` synchronously into a fresh 900 px wide container, timed from just before. */
export function mountTimed(element: ReactNode): Mounted {
  const container = document.createElement('div');
  container.style.width = '900px';
  document.body.append(container);
  const root = createRoot(container);
  const started = performance.now();
  flushSync(() => root.render(element));
  return { container, root, started };
}

export function unmount({ container, root }: Mounted): void {
  root.unmount();
  container.remove();
}

/**
 * Runs `round(side, run)` for both sides, WARMUP + RUNS times, in an order that alternates each
 * run. Each round answers its timings by name (a mount, a prepend…); what comes back is every
 * name's timings over the measured runs, the warm-up rounds dropped.
 */
export async function inTurns<Side extends string>(
  sides: readonly [Side, Side],
  round: (side: Side, run: number) => Promise<Record<string, number>>,
): Promise<Record<string, number[]>> {
  const timings: Record<string, number[]> = {};
  for (let run = 0; run < WARMUP + RUNS; run += 1)
    for (const side of run % 2 === 0 ? sides : ([sides[1], sides[0]] as const))
      for (const [name, ms] of Object.entries(await round(side, run))) {
        if (run < WARMUP) continue;
        timings[name] = [...(timings[name] ?? []), ms];
      }
  return timings;
}

/** Prints the report and writes it to benchmarks/results/`file`. */
export async function writeReport(file: string, lines: string[]): Promise<void> {
  const report = lines.join('\n');
  console.log(report);
  await commands.writeFile(`./benchmarks/results/${file}`, report);
}
