/**
 * Forced colours (Windows contrast themes), emulated in real Chromium: the
 * browser replaces every colour with the theme's few system colours and drops
 * author backgrounds. Whatever carried meaning only through a background must
 * stay visible: the share-of-credits meters, the primary buttons (a filled
 * rectangle otherwise reduced to bare text), the "Test mode" badge, and the
 * focus indicator on every control reached with Tab.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { defaultLabels } from '../../src/index';
import { emulateForcedColors, renderAllWidgets, WIDGET_SLOTS, widgetRoot } from './widgetHarness';

emulateForcedColors();

async function renderLoaded() {
  renderAllWidgets({ locale: 'en-US', container: { width: 1000 } });
  await waitFor(() => {
    for (const slot of WIDGET_SLOTS) expect(widgetRoot(slot).dataset.status).toBe('success');
  });
}

/** The theme's Canvas colour, as Chromium resolves it under forced colours. */
function canvasColor() {
  const probe = document.createElement('div');
  probe.style.backgroundColor = 'Canvas';
  probe.style.forcedColorAdjust = 'none';
  document.body.append(probe);
  const colour = getComputedStyle(probe).backgroundColor;
  probe.remove();
  return colour;
}

/** A border the user can see: some width, a drawn style, a colour that is not the canvas. */
function expectOutlined(element: Element, what: string) {
  const style = getComputedStyle(element);
  expect(Number.parseFloat(style.borderTopWidth), `${what}: border width`).toBeGreaterThanOrEqual(
    1,
  );
  expect(style.borderTopStyle, `${what}: border style`).not.toBe('none');
  expect(style.borderTopColor, `${what}: border colour`).not.toBe(canvasColor());
}

describe('forced colours', () => {
  it('is what the page sees (the emulation is on)', () => {
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
  });

  it('keeps the share-of-credits meters visible: an outlined track with a filled part', async () => {
    await renderLoaded();
    const meters = [
      screen.getByRole('progressbar', { name: defaultLabels.creditsUsedBar }),
      ...widgetRoot('usage-by-website').querySelectorAll('[data-slot="usage-row"] [aria-hidden]'),
    ];
    expect(meters.length).toBeGreaterThanOrEqual(4);
    for (const track of meters) {
      expectOutlined(track, 'meter track');
      const fill = track.firstElementChild as HTMLElement;
      expect(fill.getBoundingClientRect().width).toBeGreaterThan(0);
      expect(getComputedStyle(fill).backgroundColor, 'meter fill').not.toBe(canvasColor());
      expect(getComputedStyle(fill).backgroundColor, 'meter fill vs track').not.toBe(
        getComputedStyle(track).backgroundColor,
      );
    }
  });

  it('draws a boundary around every button, in the widgets and in the purchase dialog', async () => {
    await renderLoaded();
    const buttons = WIDGET_SLOTS.flatMap((slot) => [
      ...widgetRoot(slot).querySelectorAll('button'),
    ]);
    expect(buttons.length).toBeGreaterThanOrEqual(5);
    for (const button of buttons) expectOutlined(button, `button "${button.textContent}"`);

    await userEvent.click(screen.getByRole('button', { name: defaultLabels.addCredits }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(dialog.querySelectorAll('[data-slot="package-option"]')).toHaveLength(3),
    );
    expectOutlined(dialog, 'dialog');
    for (const button of dialog.querySelectorAll('button')) {
      expectOutlined(button, `dialog button "${button.textContent}"`);
    }
    await userEvent.click(within(dialog).getByRole('radio', { name: defaultLabels.useNewCard }));
    await within(dialog).findByRole('textbox', { name: defaultLabels.cardNumber });
    expectOutlined(within(dialog).getByText(defaultLabels.testMode), 'Test mode badge');
  });

  it('shows a focus indicator on every control reached with Tab', async () => {
    await renderLoaded();
    document.body.focus();
    const reached = new Set<Element>();
    for (let step = 0; step < 80; step += 1) {
      await userEvent.tab();
      const focused = document.activeElement;
      if (!focused || focused === document.body || focused === reached.values().next().value) break;
      // Tab walks the fields of a date input (month, day, year) without leaving it.
      if (reached.has(focused)) continue;
      reached.add(focused);
      const style = getComputedStyle(focused);
      const what = `${focused.tagName.toLowerCase()} "${focused.textContent?.slice(0, 30)}"`;
      expect(style.outlineStyle, `${what}: outline style`).not.toBe('none');
      expect(
        Number.parseFloat(style.outlineWidth),
        `${what}: outline width`,
      ).toBeGreaterThanOrEqual(2);
      expect(style.outlineColor, `${what}: outline colour`).not.toBe(canvasColor());
    }
    expect(reached.size).toBeGreaterThanOrEqual(12);
  });
});
