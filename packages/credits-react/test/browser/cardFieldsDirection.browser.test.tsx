/**
 * Card numbers read left to right in a right-to-left locale, in real Chromium:
 * in ar-EG a typed "4000 0000 0000 0002" must show as typed, not as
 * "0002 0000 0000 4000" (the field inheriting the page's `dir=rtl`), in the
 * sandbox's field of both dialogs; Stripe's Payment Element gets a
 * left-to-right host.
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { createCreditsClient } from 'credits-core';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import {
  AddCreditsDialog,
  CreditsProvider,
  defaultLabels,
  loadCreditsLabels,
} from '../../src/index';
import { fakeStripe } from './fakeStripe';
import { inProcessFetch, installStyles, renderAllWidgets, widgetRoot } from './widgetHarness';

const NUMBER = '4000 0000 0000 0002';

beforeAll(installStyles);
afterEach(cleanup);

/**
 * Where the field's first and last characters are painted: its value laid out in a span
 * with the field's own font, direction and bidi, inside the field's parent (whose `dir`
 * it would inherit). The input's own glyphs cannot be measured with a Range.
 */
function paintedOrder(field: HTMLInputElement) {
  const style = getComputedStyle(field);
  const mirror = document.createElement('span');
  mirror.textContent = field.value;
  mirror.style.cssText = `display: inline-block; font: ${style.font}; letter-spacing: ${style.letterSpacing}; direction: ${style.direction}; unicode-bidi: ${style.unicodeBidi}; white-space: pre;`;
  field.parentElement?.append(mirror);
  const text = mirror.firstChild as Text;
  const at = (index: number) => {
    const range = document.createRange();
    range.setStart(text, index);
    range.setEnd(text, index + 1);
    return range.getBoundingClientRect().left;
  };
  const order = { first: at(0), last: at(field.value.length - 1) };
  mirror.remove();
  return order;
}

function expectLeftToRight(field: HTMLInputElement) {
  expect(field).toHaveValue(NUMBER);
  expect(field.closest('[dir="rtl"]'), 'the page around the field is right to left').not.toBe(null);
  const { first, last } = paintedOrder(field);
  expect(first, 'the "4" is painted left of the final "2"').toBeLessThan(last);
  expect(getComputedStyle(field).direction).toBe('ltr');
}

describe('ar-EG', () => {
  it('the purchase dialog shows a typed card number left to right', async () => {
    const words = { ...defaultLabels, ...(await loadCreditsLabels('ar-EG')) };
    renderAllWidgets({ locale: 'ar-EG' });
    await waitFor(() => expect(widgetRoot('balance-cards').dataset.status).toBe('success'));
    await userEvent.click(screen.getByRole('button', { name: words.addCredits }));
    const dialog = within(await screen.findByRole('dialog', { name: words.addCreditsTitle }));
    await userEvent.click(await dialog.findByRole('radio', { name: words.useNewCard }));
    const field = await dialog.findByRole<HTMLInputElement>('textbox', { name: words.cardNumber });
    await userEvent.type(field, NUMBER);
    expectLeftToRight(field);
  });

  it('the add-card dialog shows a typed card number left to right', async () => {
    const words = { ...defaultLabels, ...(await loadCreditsLabels('ar-EG')) };
    renderAllWidgets({ locale: 'ar-EG' });
    await waitFor(() => expect(widgetRoot('payment-methods').dataset.status).toBe('success'));
    await userEvent.click(screen.getByRole('button', { name: words.addPaymentMethod }));
    const dialog = within(await screen.findByRole('dialog', { name: words.addPaymentMethod }));
    const field = await dialog.findByRole<HTMLInputElement>('textbox', { name: words.cardNumber });
    await userEvent.type(field, NUMBER);
    expectLeftToRight(field);
  });

  it("Stripe's Payment Element is hosted left to right", async () => {
    const { stripe, created } = fakeStripe();
    const handlers = createCreditsHandlers({
      baseUrl: 'http://credits.test/v1',
      backend: createCreditsBackend(),
    });
    const words = { ...defaultLabels, ...(await loadCreditsLabels('ar-EG')) };
    render(
      <CreditsProvider
        client={createCreditsClient({
          baseUrl: 'http://credits.test/v1',
          fetch: inProcessFetch(handlers),
          retry: false,
        })}
        account="acct_stripe_rtl"
        locale="ar-EG"
        timeZone="UTC"
        stripe={stripe as never}
        queryClient={new QueryClient()}
      >
        <AddCreditsDialog>
          <AddCreditsDialog.Trigger />
        </AddCreditsDialog>
      </CreditsProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: words.addCredits }));
    const dialog = within(await screen.findByRole('dialog', { name: words.addCreditsTitle }));
    await userEvent.click(await dialog.findByRole('radio', { name: words.useNewCard }));
    await expect.poll(() => created.length).toBeGreaterThan(0);
    const host = document.querySelector<HTMLElement>('[data-slot="stripe-card"]');
    expect(host?.closest('[dir="rtl"]')).not.toBe(null);
    expect(host && getComputedStyle(host).direction).toBe('ltr');
  });
});
