/**
 * UsageChart under forced colours (Windows contrast themes), emulated in real Chromium as
 * Playwright's `forcedColors: 'active'` does (CDP `Emulation.setEmulatedMedia`). The theme
 * leaves one text colour for every series, so colour alone would no longer tell websites apart:
 * each series must wear a pattern of its own with a visible border, its legend entry the same
 * pattern, and the keyboard's focus ring on a bar must show in the theme's Highlight colour.
 */
import { QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import { createCreditsClient, type Transaction } from 'credits-core';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { CreditsProvider } from '../../src/index';
import { UsageChart } from '../../src/UsageChart/index';
import { BASE_URL, emulateForcedColors, inProcessFetch } from './widgetHarness';

emulateForcedColors();

/** Seven websites used every day of a week: the top five, then "other" for the last two. */
function week(): Transaction[] {
  const rows: Transaction[] = [];
  let balance = 100_000;
  for (let day = 18; day <= 24; day += 1)
    for (let w = 0; w < 7; w += 1) {
      const amount = 700 - w * 80 + ((day * 13 + w * 7) % 50);
      balance -= amount;
      rows.push({
        id: `use_${day}_${w}`,
        createdAt: `2026-11-${day}T${String(10 + w).padStart(2, '0')}:00:00Z`,
        type: 'usage',
        description: 'Website generation',
        amount: -amount,
        balanceAfter: balance,
        website: { id: `web_${w}`, name: `Website ${w + 1}`, url: null },
        purchaseId: null,
      });
    }
  return [
    ...rows.reverse(),
    {
      id: 'grant',
      createdAt: '2026-11-01T09:00:00Z',
      type: 'grant',
      description: 'Welcome credits',
      amount: 100_000,
      balanceAfter: 100_000,
      website: null,
      purchaseId: null,
    },
  ];
}

async function renderChart() {
  const backend = createCreditsBackend({
    transactions: week(),
    now: () => new Date('2026-11-24T20:00:00Z'),
  });
  const client = createCreditsClient({
    baseUrl: BASE_URL,
    fetch: inProcessFetch(createCreditsHandlers({ baseUrl: BASE_URL, backend })),
    retry: false,
  });
  render(
    <div style={{ width: 720, fontFamily: 'Arial, sans-serif' }}>
      <CreditsProvider
        client={client}
        account="acct_1"
        locale="en-US"
        timeZone="UTC"
        queryClient={new QueryClient()}
      >
        <UsageChart
          defaultPeriod={{ preset: 'custom', fromDay: '2026-11-18', toDay: '2026-11-24' }}
        />
      </CreditsProvider>
    </div>,
  );
  await waitFor(() =>
    expect(document.querySelectorAll('[data-slot="usage-chart-bar"]')).toHaveLength(7),
  );
}

/** A system colour as Chromium resolves it under the emulated forced palette. */
function systemColour(name: string) {
  const probe = document.createElement('div');
  probe.style.color = name;
  probe.style.forcedColorAdjust = 'none';
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

const chart = () => document.querySelector('[data-slot="usage-chart"] svg[role="group"]')!;
/** The pattern a shape is filled with, by id (`url("#id")` → the `<pattern>`). */
const patternOf = (shape: Element) => {
  const fill = getComputedStyle(shape).fill;
  const id = fill.match(/#([^")]+)"?\)/)?.[1];
  return id ? document.getElementById(id) : null;
};

describe('UsageChart under forced colours', () => {
  it('is what the page sees (the emulation is on)', () => {
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
  });

  it('gives every series a pattern of its own with a visible border, not only a colour', async () => {
    await renderChart();
    const canvas = systemColour('Canvas');
    const patterns = new Map<string, string>();
    for (let s = 0; s < 6; s += 1) {
      const segments = chart().querySelectorAll(`rect[data-series="${s}"]`);
      expect(segments.length, `series ${s}`).toBe(7);
      const pattern = patternOf(segments[0]!);
      expect(pattern?.tagName, `series ${s} is filled with a pattern`).toBe('pattern');
      // What the pattern draws: its ink is the theme's text colour, over its canvas.
      const ink = pattern!.querySelector('path')!;
      expect(getComputedStyle(ink).stroke).toBe(systemColour('CanvasText'));
      expect(getComputedStyle(ink).stroke).not.toBe(canvas);
      patterns.set(pattern!.id, ink.getAttribute('d') ?? '');
      for (const segment of segments) {
        const style = getComputedStyle(segment);
        expect(patternOf(segment)).toBe(pattern);
        expect(style.stroke, `series ${s}: border colour`).toBe(systemColour('CanvasText'));
        expect(Number.parseFloat(style.strokeWidth), `series ${s}: border`).toBeGreaterThanOrEqual(
          1,
        );
      }
    }
    // Six series ("other" included), six different patterns drawing six different shapes.
    expect(patterns.size).toBe(6);
    expect(new Set(patterns.values()).size).toBe(6);
  });

  it('shows each legend entry with its series’ pattern, where the colour swatch would vanish', async () => {
    await renderChart();
    const entries = screen.getAllByRole('button', { name: /^(Website \d|Other websites)$/ });
    expect(entries).toHaveLength(6);
    for (const [s, entry] of entries.entries()) {
      const swatch = entry.querySelector('.credits-chart-swatch-forced')!;
      const box = swatch.getBoundingClientRect();
      expect(box.width, `legend ${s}: swatch shown`).toBeGreaterThanOrEqual(12);
      expect(box.height).toBeGreaterThanOrEqual(12);
      expect(patternOf(swatch.querySelector('rect')!)).toBe(
        patternOf(chart().querySelector(`rect[data-series="${s}"]`)!),
      );
      // The colour swatch (a background the theme drops) is not what the user is left with.
      expect(getComputedStyle(entry.querySelector('.credits-chart-swatch')!).display).toBe('none');
    }
  });

  it('shows a thick Highlight focus ring on the bar the keyboard is on, and an outline on legend entries', async () => {
    await renderChart();
    document.body.focus();
    const legendOutlines: string[] = [];
    let bar: Element | null = null;
    for (let step = 0; step < 20 && !bar; step += 1) {
      await userEvent.tab();
      const focused = document.activeElement!;
      if (focused.getAttribute('data-slot') === 'usage-chart-bar') bar = focused;
      else if (focused.closest('[data-slot="usage-chart-legend"]'))
        legendOutlines.push(getComputedStyle(focused).outlineStyle);
    }
    expect(bar, 'Tab reaches the bars').not.toBeNull();
    expect(legendOutlines.length).toBeGreaterThanOrEqual(5);
    expect(legendOutlines.every((style) => style !== 'none')).toBe(true);
    const ring = bar!.querySelector('[data-slot="usage-chart-focus"]')!;
    const style = getComputedStyle(ring);
    expect(style.visibility).toBe('visible');
    expect(style.stroke).toBe(systemColour('Highlight'));
    expect(style.stroke).not.toBe(systemColour('Canvas'));
    expect(style.stroke).not.toBe(systemColour('CanvasText'));
    // Non-scaling: 3 px on screen however wide the chart is drawn.
    expect(style.vectorEffect).toBe('non-scaling-stroke');
    expect(Number.parseFloat(style.strokeWidth)).toBeGreaterThanOrEqual(3);
    await userEvent.keyboard('{ArrowRight}');
    const next = document.activeElement!;
    expect(next.getAttribute('data-index')).toBe('1');
    expect(
      getComputedStyle(next.querySelector('[data-slot="usage-chart-focus"]')!).visibility,
    ).toBe('visible');
  });
});
