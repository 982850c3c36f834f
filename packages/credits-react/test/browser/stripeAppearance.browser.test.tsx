/**
 * The Payment Element is created with our theme: Stripe's `appearance` carries
 * the widget's own `--credits-*` values (dark theme included, and a host's
 * override), read from the rendered dialog, never the light fallbacks.
 * Stripe.js cannot load here: a fake Stripe records what Elements asks it for.
 */
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, within } from '@testing-library/react';
import { createCreditsClient } from 'credits-core';
import { createCreditsBackend, createCreditsHandlers } from 'credits-msw';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { AddCreditsDialog, CreditsProvider, type CreditsTheme } from '../../src/index';
import { fakeStripe } from './fakeStripe';
import { inProcessFetch, installStyles } from './widgetHarness';

beforeAll(installStyles);
afterEach(cleanup);

async function openNewCardForm(theme: CreditsTheme, hostStyle = '') {
  const { stripe, created } = fakeStripe();
  const handlers = createCreditsHandlers({
    baseUrl: 'http://credits.test/v1',
    backend: createCreditsBackend(),
  });
  const style = document.createElement('style');
  style.textContent = hostStyle;
  document.head.append(style);
  render(
    <CreditsProvider
      client={createCreditsClient({
        baseUrl: 'http://credits.test/v1',
        fetch: inProcessFetch(handlers),
        retry: false,
      })}
      account="acct_stripe"
      locale="en-US"
      timeZone="UTC"
      theme={theme}
      stripe={stripe as never}
      queryClient={new QueryClient()}
    >
      <AddCreditsDialog>
        <AddCreditsDialog.Trigger />
      </AddCreditsDialog>
    </CreditsProvider>,
  );
  await userEvent.click(await screen.findByRole('button', { name: 'Add credits' }));
  const dialog = within(await screen.findByRole('dialog', { name: 'Add credits' }));
  await userEvent.click(await dialog.findByRole('radio', { name: 'Use a new card' }));
  await expect.poll(() => created.length).toBeGreaterThan(0);
  style.remove();
  const root = document.querySelector('[data-slot="add-credits-dialog-root"]') as HTMLElement;
  const token = (name: string) =>
    getComputedStyle(root).getPropertyValue(`--credits-${name}`).trim();
  return { appearance: created[0]?.appearance, token };
}

it('dark theme: the night theme with the dark tokens, not the light fallbacks', async () => {
  const { appearance, token } = await openNewCardForm('dark');
  expect(appearance?.theme).toBe('night');
  expect(token('surface')).not.toBe('#ffffff');
  expect(appearance?.variables).toMatchObject({
    colorBackground: token('surface'),
    colorText: token('fg'),
    colorPrimary: token('accent'),
  });
});

it('a host that re-themes with variables re-themes the card form too', async () => {
  const { appearance } = await openNewCardForm(
    'light',
    '[data-credits-root] { --credits-accent: #0f766e; }',
  );
  expect(appearance?.theme).toBe('stripe');
  expect(appearance?.variables?.colorPrimary).toBe('#0f766e');
});
