/**
 * Reflow and text resize, in real Chromium: every widget (and the opened
 * AddCreditsDialog) fits a 320 px column and a 200% zoom, keeps every control
 * visible and at least 24×24 CSS px (WCAG 2.5.8), and clips no text.
 *
 * The conditions:
 * - a 320 px column in a 1280 px page: a widget in a host's sidebar, where the
 *   viewport's media queries say "wide" but the widget's box is narrow;
 * - a 320 px viewport: WCAG 1.4.10 Reflow (a 1280 px window at 400% zoom),
 *   left to right and right to left (overflow to the left is checked by boxes:
 *   `scrollWidth` does not count it);
 * - 200% browser zoom of a 1280×900 window. Zoom scales every CSS length, so
 *   in CSS px the page simply gets a 640×450 viewport, rem stays 16 px and the
 *   media queries see 640 px: that is what a 640×450 viewport reproduces
 *   exactly (device pixels aside, which layout never sees);
 * - 200% text size (WCAG 1.4.4; the browser's font-size setting): the root font
 *   size doubled, in a 640 px column of a 1280 px page. Unlike zoom this
 *   enlarges rem-sized text and boxes but not px-sized ones, which is where
 *   fixed pixel heights clip text.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { defaultLabels, loadCreditsLabels } from '../../src/index';
import { installStyles, LEDGER, renderAllWidgets, WIDGET_SLOTS, widgetRoot } from './widgetHarness';

interface Condition {
  name: string;
  viewport: [width: number, height: number];
  /** Width of the host's column the widgets are rendered into; the whole viewport when omitted. */
  column?: number;
  rootFontSize?: string;
  /** en-US unless given. */
  locale?: string;
}

const CONDITIONS: Condition[] = [
  { name: 'a 320 px column in a 1280 px page', viewport: [1280, 900], column: 320 },
  { name: 'a 320 px viewport (reflow, 400% zoom)', viewport: [320, 640] },
  {
    name: 'a 320 px viewport, right to left (ar-EG)',
    viewport: [320, 640],
    locale: 'ar-EG',
  },
  { name: '200% zoom (a 1280×900 window is 640×450 CSS px)', viewport: [640, 450] },
  {
    name: '200% text size in a 640 px column',
    viewport: [1280, 900],
    column: 640,
    rootFontSize: '200%',
  },
];

/** 1 px of slack for sub-pixel layout. */
const SLACK = 1;
const MIN_TARGET = 24;

const isScrollable = (element: Element) => {
  const { overflowX, overflowY } = getComputedStyle(element);
  return /auto|scroll/.test(overflowX) || /auto|scroll/.test(overflowY);
};
const clipsContent = (element: Element) => {
  const { overflowX, overflowY } = getComputedStyle(element);
  return /hidden|clip/.test(overflowX) || /hidden|clip/.test(overflowY);
};
/** `.cr:sr-only` text: a 1×1 px clipped box, readable by screen readers only. */
const isVisuallyHidden = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.width <= 1 && box.height <= 1;
};
const describeElement = (element: Element) =>
  `<${element.tagName.toLowerCase()}${element.getAttribute('data-slot') ? ` data-slot="${element.getAttribute('data-slot')}"` : ''}> “${(element.textContent ?? '').trim().slice(0, 40)}”`;

/** Ancestors from `element` (excluded) up to `root` (included). */
function ancestorsUpTo(element: Element, root: Element): Element[] {
  const chain: Element[] = [];
  for (let node = element.parentElement; node; node = node.parentElement) {
    chain.push(node);
    if (node === root) break;
  }
  return chain;
}

/** Whether `element` sits in a scroll container (below `root`): its content is reachable by scrolling. */
const inScrollContainer = (element: Element, root: Element) =>
  ancestorsUpTo(element, root).some((node) => node !== root && isScrollable(node));

/**
 * A horizontally scrolling region must be reachable and named for keyboard
 * and screen-reader users (WCAG 2.1.1): focusable, with an accessible name.
 */
function expectScrollRegionsUsable(root: HTMLElement) {
  for (const element of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
    if (element === root || !isScrollable(element)) continue;
    if (element.scrollWidth <= element.clientWidth + SLACK) continue;
    expect(
      element.tabIndex,
      `${describeElement(element)} scrolls: focusable`,
    ).toBeGreaterThanOrEqual(0);
    const labelledBy = (element.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim();
    const name = element.getAttribute('aria-label') ?? labelledBy;
    expect(name, `${describeElement(element)} scrolls: has an accessible name`).not.toBe('');
  }
}

/** The root overflows neither itself nor its column; no box pokes out of it (rtl-safe), scroll regions aside. */
function expectNoHorizontalOverflow(root: HTMLElement) {
  expect(root.scrollWidth, `${describeElement(root)} scrollWidth`).toBeLessThanOrEqual(
    root.clientWidth + SLACK,
  );
  const bounds = root.getBoundingClientRect();
  expect(bounds.left).toBeGreaterThanOrEqual(-SLACK);
  expect(bounds.right).toBeLessThanOrEqual(window.innerWidth + SLACK);
  for (const element of root.querySelectorAll('*')) {
    if (isVisuallyHidden(element) || inScrollContainer(element, root)) continue;
    const box = element.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;
    expect(box.left, `${describeElement(element)} starts inside the widget`).toBeGreaterThanOrEqual(
      bounds.left - SLACK,
    );
    expect(box.right, `${describeElement(element)} ends inside the widget`).toBeLessThanOrEqual(
      bounds.right + SLACK,
    );
  }
  expectScrollRegionsUsable(root);
}

const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';

/** What the pointer hits: a radio or checkbox together with its label. */
function targetBox(control: Element): DOMRect {
  const label = control.closest('label');
  return (label && control instanceof HTMLInputElement ? label : control).getBoundingClientRect();
}

/** A link in running text or a table cell: one line of text, sized by the text's line height. */
const isTextLink = (control: Element) => control instanceof HTMLAnchorElement;

/**
 * WCAG 2.5.8 Target Size (Minimum): every control at least 24×24 CSS px. Text
 * links may be smaller when they are spaced (the criterion's spacing
 * exception): a 24 px circle centred on the link overlaps no other target and
 * no other small target's circle.
 */
function expectTargetSizes(controls: Element[]) {
  const boxes = controls.map(targetBox);
  const small = boxes.map((box) => box.width < MIN_TARGET - 0.5 || box.height < MIN_TARGET - 0.5);
  const centre = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
  boxes.forEach((box, index) => {
    if (!small[index]) return;
    expect(
      isTextLink(controls[index] as Element),
      `${describeElement(controls[index] as Element)} is ${Math.round(box.width)}×${Math.round(box.height)} px, under 24×24`,
    ).toBe(true);
    const c = centre(box);
    boxes.forEach((other, otherIndex) => {
      const control = controls[index] as Element;
      const neighbour = controls[otherIndex] as Element;
      // A link inside a focusable scroll region is not next to it but on it.
      if (otherIndex === index || neighbour.contains(control) || control.contains(neighbour))
        return;
      // Distance from the circle's centre to the other target's box.
      const dx = Math.max(other.left - c.x, 0, c.x - other.right);
      const dy = Math.max(other.top - c.y, 0, c.y - other.bottom);
      const clearOfBox = Math.hypot(dx, dy) >= MIN_TARGET / 2;
      const o = centre(other);
      const clearOfCircle = !small[otherIndex] || Math.hypot(o.x - c.x, o.y - c.y) >= MIN_TARGET;
      expect(
        clearOfBox && clearOfCircle,
        `${describeElement(controls[index] as Element)} is ${Math.round(box.width)}×${Math.round(box.height)} px and too close to ${describeElement(controls[otherIndex] as Element)}`,
      ).toBe(true);
    });
  });
}

/** Every control has a box, is not hidden, and no `overflow: hidden` ancestor cuts it off. */
function expectControlsVisible(root: HTMLElement, controls: Element[]) {
  const bounds = root.getBoundingClientRect();
  for (const control of controls) {
    const box = targetBox(control);
    const name = describeElement(control);
    expect(box.width, `${name} has a width`).toBeGreaterThan(0);
    expect(box.height, `${name} has a height`).toBeGreaterThan(0);
    expect(getComputedStyle(control).visibility, name).toBe('visible');
    for (const ancestor of ancestorsUpTo(control, root)) {
      if (!clipsContent(ancestor) || isScrollable(ancestor)) continue;
      const clip = ancestor.getBoundingClientRect();
      expect(
        box.left >= clip.left - SLACK &&
          box.right <= clip.right + SLACK &&
          box.top >= clip.top - SLACK &&
          box.bottom <= clip.bottom + SLACK,
        `${name} is cut off by ${describeElement(ancestor)}`,
      ).toBe(true);
    }
    if (!inScrollContainer(control, root)) {
      expect(box.left, `${name} inside the widget`).toBeGreaterThanOrEqual(bounds.left - SLACK);
      expect(box.right, `${name} inside the widget`).toBeLessThanOrEqual(bounds.right + SLACK);
    }
  }
}

/** The text a sighted user would read in full: screen-reader-only parts left out. */
function visibleText(element: Element) {
  let text = '';
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement && !isVisuallyHidden(node.parentElement)) text += node.textContent;
  }
  return text.trim();
}

/** The full text of a truncated element is available to sighted users too: in a `title`. */
function fullTextAvailable(element: HTMLElement) {
  const holder = element.closest('[title]');
  return holder?.getAttribute('title')?.includes(visibleText(element)) ?? false;
}

/**
 * No text is cut off: every box that holds text fits it, unless it ends in an
 * ellipsis on purpose and the full text is available elsewhere.
 */
function expectNoClippedText(root: HTMLElement) {
  for (const element of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
    if (!(element.textContent ?? '').trim() || isVisuallyHidden(element)) continue;
    const style = getComputedStyle(element);
    if (style.display === 'inline' || style.display === 'contents' || isScrollable(element))
      continue;
    const name = describeElement(element);
    if (element.scrollWidth > element.clientWidth + SLACK) {
      const ellipsis = style.textOverflow === 'ellipsis' && clipsContent(element);
      expect(
        ellipsis,
        `${name}: text overflows its box (${element.scrollWidth} > ${element.clientWidth})`,
      ).toBe(true);
      expect(
        fullTextAvailable(element),
        `${name}: truncated, the full text must be available`,
      ).toBe(true);
    }
    if (/hidden|clip/.test(style.overflowY)) {
      expect(
        element.scrollHeight,
        `${name}: text cut off at the bottom (${element.scrollHeight} > ${element.clientHeight})`,
      ).toBeLessThanOrEqual(element.clientHeight + SLACK);
    }
  }
}

/**
 * The history's filters button exists only where the filters do not fit (styles.css hides it
 * otherwise); a saved card's actions are in a closed popover until its "⋯" button opens them.
 */
const hiddenOnPurpose = (element: Element) =>
  (element.matches('[data-slot="history-filters-toggle"]') &&
    getComputedStyle(element).display === 'none') ||
  element.matches('[popover]:not(:popover-open) *');
const controlsIn = (root: HTMLElement) =>
  [...root.querySelectorAll(CONTROLS)].filter((element) => !hiddenOnPurpose(element));

function expectReflows(root: HTMLElement) {
  const controls = controlsIn(root);
  expectNoHorizontalOverflow(root);
  expectControlsVisible(root, controls);
  expectTargetSizes(controls);
  expectNoClippedText(root);
}

async function renderLoaded(condition: Condition) {
  renderAllWidgets({
    locale: condition.locale ?? 'en-US',
    // The longest prices: "KWD 26.125".
    currency: 'KWD',
    container: condition.column ? { width: condition.column } : {},
  });
  await waitFor(() => {
    for (const slot of WIDGET_SLOTS) expect(widgetRoot(slot).dataset.status).toBe('success');
    expect(document.querySelectorAll('[data-slot="history-row"]')).toHaveLength(LEDGER.length);
    expect(document.querySelectorAll('[data-slot="payment-method"]')).toHaveLength(2);
  });
}

beforeAll(() => {
  installStyles();
  document.body.style.margin = '0';
});

afterAll(async () => {
  document.body.style.margin = '';
  await page.viewport(1280, 900);
});

afterEach(() => {
  cleanup();
  document.documentElement.style.fontSize = '';
});

describe.each(CONDITIONS)('$name', (condition) => {
  beforeAll(async () => {
    await page.viewport(...condition.viewport);
  });

  it.each(WIDGET_SLOTS)(
    '%s reflows: no horizontal overflow, controls visible and ≥ 24 px, no clipped text',
    async (slot) => {
      if (condition.rootFontSize) document.documentElement.style.fontSize = condition.rootFontSize;
      await renderLoaded(condition);
      expect(window.innerWidth).toBe(condition.viewport[0]);
      const root = widgetRoot(slot);
      expect(root.getBoundingClientRect().width).toBeLessThanOrEqual(
        condition.column ?? condition.viewport[0],
      );
      // A narrow history shows its filters behind a disclosure button: open it, so the
      // filters themselves are checked too.
      const toggle = root.querySelector<HTMLElement>('[data-slot="history-filters-toggle"]');
      if (toggle && toggle.getBoundingClientRect().width > 0) {
        await userEvent.click(toggle);
        await waitFor(() => expect(toggle).toHaveAttribute('aria-expanded', 'true'));
      }
      expectReflows(root);
    },
  );

  it('the opened AddCreditsDialog reflows, with a saved card and with the new-card form', async () => {
    if (condition.rootFontSize) document.documentElement.style.fontSize = condition.rootFontSize;
    await renderLoaded(condition);
    // The words of the condition's locale (Arabic in ar-EG).
    const words = { ...defaultLabels, ...(await loadCreditsLabels(condition.locale)) };
    await userEvent.click(screen.getByRole('button', { name: words.addCredits }));
    const dialog = await screen.findByRole('dialog');
    await waitFor(() =>
      expect(dialog.querySelectorAll('[data-slot="package-option"]')).toHaveLength(3),
    );
    expectReflows(dialog);
    await userEvent.click(within(dialog).getByRole('radio', { name: words.useNewCard }));
    await within(dialog).findByRole('textbox', { name: words.cardNumber });
    expectReflows(dialog);
  });
});
