/**
 * The checkout keeps Pay and its error in sight at any height, in real Chromium:
 * the dialog's header and footer stay put and only its body scrolls. After
 * "Use a new card" (the form grows by the card field) and after a decline (an
 * error appears), Pay and the error must be inside the viewport and on top
 * (the element the user would hit at their centre), without scrolling, at
 * 320×568 (a small phone) and 1280×500 (a short laptop window), and the
 * dialog keeps its size between those steps.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { installStyles, renderAllWidgets, widgetRoot } from './widgetHarness';

const VIEWPORTS: [width: number, height: number][] = [
  [320, 568],
  [1280, 500],
];

/** Wholly inside the viewport, and what a tap at its centre reaches (not clipped or covered). */
function expectInSight(element: HTMLElement, what: string) {
  const box = element.getBoundingClientRect();
  expect(box.height, `${what} has a height`).toBeGreaterThan(0);
  expect(box.top, `${what}'s top edge`).toBeGreaterThanOrEqual(0);
  expect(box.left, `${what}'s left edge`).toBeGreaterThanOrEqual(0);
  expect(box.bottom, `${what}'s bottom edge`).toBeLessThanOrEqual(window.innerHeight);
  expect(box.right, `${what}'s right edge`).toBeLessThanOrEqual(window.innerWidth);
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  expect(hit && element.contains(hit), `${what} is on top at its centre`).toBe(true);
}

const height = (element: HTMLElement) => element.getBoundingClientRect().height;

beforeAll(() => {
  installStyles();
  document.body.style.margin = '0';
});

afterAll(async () => {
  document.body.style.margin = '';
  await page.viewport(1280, 900);
});

afterEach(() => cleanup());

describe.each(VIEWPORTS)('the checkout at %i×%i', (width, viewportHeight) => {
  beforeAll(async () => {
    await page.viewport(width, viewportHeight);
  });

  it('shows Pay after "Use a new card" and Pay with the decline after a declined card', async () => {
    renderAllWidgets({ locale: 'en-US' });
    await waitFor(() => expect(widgetRoot('balance-cards').dataset.status).toBe('success'));
    expect(window.innerHeight).toBe(viewportHeight);
    await userEvent.click(screen.getByRole('button', { name: 'Add credits' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add credits' });
    const inDialog = within(dialog);
    const pay = await inDialog.findByRole('button', { name: 'Pay $10.00' });
    await waitFor(() => expect(pay).toBeEnabled());
    expectInSight(pay, 'Pay on the package screen');
    const packageScreen = height(dialog);

    await userEvent.click(inDialog.getByRole('radio', { name: 'Use a new card' }));
    const number = await inDialog.findByRole('textbox', { name: 'Card number' });
    expectInSight(pay, 'Pay after "Use a new card"');
    expect(height(dialog), 'the dialog keeps its height').toBeCloseTo(packageScreen, 0);

    await userEvent.type(number, '4000 0000 0000 0002');
    await waitFor(() => expect(pay).toBeEnabled());
    await userEvent.click(pay);
    const declined = await inDialog.findByRole('alert');
    expect(declined).toHaveTextContent('Your card was declined.');
    await waitFor(() => expect(pay).toBeEnabled());
    expectInSight(declined, 'the decline');
    expectInSight(pay, 'Pay after the decline');
    expect(height(dialog), 'the dialog keeps its height').toBeCloseTo(packageScreen, 0);
    // Not a page that scrolls instead: the dialog fits the viewport and only its body scrolls.
    expect(dialog.getBoundingClientRect().bottom).toBeLessThanOrEqual(window.innerHeight);
    const body = dialog.querySelector<HTMLElement>('[data-slot="dialog-body"]');
    expect(body && body.scrollHeight > body.clientHeight, 'the body scrolls').toBe(true);

    // A card that succeeds: the success step has the same size as the form it replaces.
    await userEvent.clear(number);
    await userEvent.type(number, '4242 4242 4242 4242');
    await waitFor(() => expect(pay).toBeEnabled());
    await userEvent.click(pay);
    const done = await inDialog.findByRole('button', { name: 'Done' });
    expectInSight(done, 'Done after the purchase');
    expect(height(dialog), 'the dialog keeps its height').toBeCloseTo(packageScreen, 0);
  });

  it('shows Save card and its error in the add-card dialog', async () => {
    renderAllWidgets({ locale: 'en-US' });
    await waitFor(() => expect(widgetRoot('payment-methods').dataset.status).toBe('success'));
    await userEvent.click(screen.getByRole('button', { name: 'Add payment method' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add payment method' });
    const inDialog = within(dialog);
    const save = inDialog.getByRole('button', { name: 'Save card' });
    await userEvent.type(
      await inDialog.findByRole('textbox', { name: 'Card number' }),
      '4000 0000 0000 0002',
    );
    await waitFor(() => expect(save).toBeEnabled());
    await userEvent.click(save);
    const declined = await inDialog.findByRole('alert');
    expect(declined).toHaveTextContent('Your card was declined.');
    expectInSight(declined, 'the decline');
    expectInSight(save, 'Save card after the decline');
  });
});
