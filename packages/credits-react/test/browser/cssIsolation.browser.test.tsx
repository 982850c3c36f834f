import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import { createCreditsClient } from 'credits-core';
import { creditsKeys } from 'credits-core/query';
import { afterEach, describe, expect, it } from 'vitest';
import { BalanceCards, CreditsProvider } from '../../src/index';
import creditsCss from '../../src/styles.css?inline';
import hostCss from './host-app.css?inline';

const balance = {
  total: 60_000,
  used: 58_000,
  available: 2_000,
  overdraftAllowed: false,
  lowBalanceThreshold: 5_000,
  expiring: [],
  updatedAt: '2026-11-24T12:00:00Z',
};

const PROPERTIES = [
  'display',
  'padding-top',
  'padding-left',
  'margin-top',
  'margin-bottom',
  'font-family',
  'font-size',
  'font-weight',
  'letter-spacing',
  'line-height',
  'color',
  'background-color',
  'border-top-width',
  'border-top-left-radius',
  'width',
  'height',
] as const;

function styleSheets(...sheets: string[]) {
  for (const element of document.querySelectorAll('style[data-test-sheet]')) element.remove();
  for (const css of sheets) {
    const style = document.createElement('style');
    style.dataset.testSheet = '';
    style.textContent = css;
    document.head.append(style);
  }
}

/** Computed styles of every element inside `root`, keyed by its position. */
function snapshot(root: Element) {
  return [root, ...root.querySelectorAll('*')].map((element) => {
    const computed = getComputedStyle(element);
    return `${element.tagName}.${element.getAttribute('data-slot') ?? ''} ${PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';')}`;
  });
}

function renderWidget() {
  const queryClient = new QueryClient();
  queryClient.setQueryData(creditsKeys.balance('a'), balance);
  const client = createCreditsClient({ baseUrl: 'http://127.0.0.1:9/unused' });
  const { container } = render(
    // The page's own typography is inherited on purpose (widgets take the host's
    // font); fix it here so only rules that target our elements can show.
    <div
      style={{
        width: 800,
        fontFamily: 'Arial',
        fontSize: 16,
        lineHeight: 1.5,
        letterSpacing: 'normal',
        color: 'black',
      }}
    >
      <CreditsProvider client={client} account="a" locale="en-US" queryClient={queryClient}>
        <BalanceCards onAddCredits={() => {}} />
      </CreditsProvider>
    </div>,
  );
  return container.querySelector('[data-slot="balance-cards"]') as HTMLElement;
}

function renderHostMarkup() {
  const { container } = render(
    <main>
      <h2 className="text-2xl font-bold">Host heading</h2>
      <p className="m-8 text-xs">Host paragraph</p>
      <button type="button" className="p-4 bg-red-500">
        Host button
      </button>
      <div className="flex gap-4 items-center">
        <span className="sr-only">hidden text</span>
      </div>
    </main>,
  );
  return container.querySelector('main') as HTMLElement;
}

afterEach(() => {
  cleanup();
  styleSheets();
});

describe('styles.css next to a host’s own Tailwind build', () => {
  it('the host’s preflight, utilities and element styles leave the widget unchanged, in either load order', () => {
    styleSheets(creditsCss);
    const alone = snapshot(renderWidget());
    cleanup();

    styleSheets(hostCss, creditsCss);
    const hostFirst = snapshot(renderWidget());
    cleanup();

    styleSheets(creditsCss, hostCss);
    const creditsFirst = snapshot(renderWidget());

    expect(alone.length).toBeGreaterThan(10);
    expect(hostFirst).toEqual(alone);
    expect(creditsFirst).toEqual(alone);
  });

  it('our stylesheet leaves the host’s own elements unchanged', () => {
    styleSheets(hostCss);
    const hostOnly = snapshot(renderHostMarkup());
    cleanup();
    styleSheets(hostCss, creditsCss);
    const withCredits = snapshot(renderHostMarkup());
    cleanup();
    styleSheets(creditsCss, hostCss);
    const creditsFirst = snapshot(renderHostMarkup());
    expect(withCredits).toEqual(hostOnly);
    expect(creditsFirst).toEqual(hostOnly);
  });

  it('the widget really is styled by our tokens (the comparison above is not vacuous)', () => {
    styleSheets(creditsCss);
    const root = renderWidget();
    const value = root.querySelector(
      '[data-variant="available"] [data-slot="balance-value"]',
    ) as HTMLElement;
    // 2,000 of 60,000 is under the 5,000 threshold: the balance takes the warning token (#c2410c).
    expect(getComputedStyle(value).color).toBe('rgb(194, 65, 12)');
    expect(getComputedStyle(value).fontWeight).toBe('600');
    const srOnly = root.querySelector('h2') as HTMLElement;
    expect(getComputedStyle(srOnly).position).toBe('absolute');
  });

  it('a host re-themes by setting variables', () => {
    styleSheets(creditsCss, '[data-credits-root] { --credits-warning: rgb(1, 2, 3); }');
    const root = renderWidget();
    const value = root.querySelector(
      '[data-variant="available"] [data-slot="balance-value"]',
    ) as HTMLElement;
    expect(getComputedStyle(value).color).toBe('rgb(1, 2, 3)');
  });
});
