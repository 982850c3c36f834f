import type { Locator, Page } from 'playwright';
import { describe, expect, it } from 'vitest';
import { previewWithCreditsServer } from '../../support/previewWithCreditsServer';
import { availableCredits, openDemo, recordRequests } from './demoPage';

/**
 * The demo end to end: the built "Credits Manager" app, served by Vite's
 * preview server, against credits-server (embedded PostgreSQL, sandbox
 * payments, seeded demo account), driven by Playwright in Debian's Chromium.
 */
const demo = previewWithCreditsServer(new URL('..', import.meta.url), { signIn: 'host' });

const open = () => openDemo(demo.app);
const available = availableCredits;

/** What has focus, as a user would name it: role and accessible name (roughly). */
const focusedElement = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'nothing (document.body)';
    const input = element as HTMLInputElement;
    const implicit: Record<string, string> = {
      A: 'link',
      BUTTON: 'button',
      SELECT: 'combobox',
      TEXTAREA: 'textbox',
      INPUT: ['radio', 'checkbox', 'search'].includes(input.type) ? input.type : 'textbox',
    };
    const role = element.getAttribute('role') ?? implicit[element.tagName] ?? element.tagName;
    const labelledBy = element
      .getAttribute('aria-labelledby')
      ?.split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ');
    const name =
      element.getAttribute('aria-label') ??
      labelledBy ??
      (input.labels?.length
        ? [...input.labels].map((label) => label.textContent).join(' ')
        : null) ??
      element.textContent ??
      '';
    return `${role} "${name.replace(/\s+/g, ' ').trim().slice(0, 80)}"`;
  });

/** Whether `target` (one element) has focus; false while it is not in the page. */
const hasFocus = async (target: Locator) =>
  (await target.count()) === 1 &&
  (await target.evaluate((element) => element === element.ownerDocument.activeElement));

/**
 * Presses Tab (or Shift+Tab) until `target` has focus, as a keyboard user
 * would; fails listing everything that got focus on the way. Returns how many
 * presses it took (0 when it already had focus).
 */
async function tabTo(
  page: Page,
  target: Locator,
  { max = 15, backwards = false }: { max?: number; backwards?: boolean } = {},
): Promise<number> {
  await target.waitFor();
  const visited: string[] = [];
  for (let presses = 0; ; presses += 1) {
    if (await hasFocus(target)) return presses;
    if (presses === max) break;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    visited.push(`${presses + 1}. ${await focusedElement(page)}`);
  }
  throw new Error(
    `tabTo: ${target} never got focus in ${max} ${backwards ? 'Shift+Tab' : 'Tab'} presses. Focus went to:\n${visited.join('\n')}`,
  );
}

/** Presses an arrow key in a radio group until `radio` is focused and checked. */
async function arrowTo(
  page: Page,
  radio: Locator,
  { key = 'ArrowDown', max = 6 }: { key?: 'ArrowDown' | 'ArrowUp'; max?: number } = {},
): Promise<void> {
  await radio.waitFor();
  const visited: string[] = [];
  for (let presses = 0; ; presses += 1) {
    if ((await hasFocus(radio)) && (await radio.isChecked())) return;
    if (presses === max) break;
    await page.keyboard.press(key);
    visited.push(`${presses + 1}. ${await focusedElement(page)}`);
  }
  throw new Error(
    `arrowTo: ${radio} was never checked in ${max} ${key} presses. Focus went to:\n${visited.join('\n')}`,
  );
}

/** Waits for `target` to have focus (focus return, focus moved by the widget). */
async function expectFocus(page: Page, target: Locator, timeout = 5_000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (!(await hasFocus(target))) {
    if (Date.now() > deadline)
      throw new Error(`expected ${target} to have focus, but ${await focusedElement(page)} has it`);
    await page.waitForTimeout(50);
  }
}

describe('Credits Manager demo', () => {
  it('buys a package with the saved card; balance and history update without a reload', async () => {
    const page = await open();
    const before = await available(page);
    await page.getByRole('button', { name: 'Add credits' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: /Visa •••• 4242/ }).waitFor();
    await dialog.getByRole('button', { name: 'Pay $10.00' }).click();
    await dialog.getByText('+10,000 credits added').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => available(page)).toBe(before + 10_000);
    await expect
      .poll(() => page.locator('[data-slot="history-row"]').first().textContent())
      .toContain('Credit package: Starter');
    await page.close();
  });

  it('a reload during 3D Secure reopens the payment where it was: one purchase, credited once', async () => {
    const page = await open();
    const before = await available(page);
    const purchases: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && /\/purchases$/.test(new URL(request.url()).pathname))
        purchases.push(request.headers()['idempotency-key'] ?? '');
    });
    await page.getByRole('button', { name: 'Add credits' }).first().click();
    let dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: 'Use a new card' }).check();
    await dialog.getByLabel('Card number').fill('4000 0027 6000 3184');
    await dialog.getByRole('button', { name: 'Pay $10.00' }).click();
    await dialog.getByRole('button', { name: 'Complete authentication' }).waitFor();

    await page.reload();
    dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('button', { name: 'Complete authentication' }).click();
    await dialog.getByText('+10,000 credits added').waitFor();
    await expect.poll(() => available(page)).toBe(before + 10_000);
    expect(purchases).toHaveLength(1);
    await page.close();
  });

  it('buys with a new 3D Secure card (challenge → complete)', async () => {
    const page = await open();
    const before = await available(page);
    await page.getByRole('button', { name: 'Add credits' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Add credits' });
    await dialog.getByRole('radio', { name: /^50,000 credits/ }).check();
    await dialog.getByRole('radio', { name: 'Use a new card' }).check();
    await dialog.getByLabel('Card number').fill('4000 0027 6000 3184');
    await dialog.getByRole('button', { name: 'Pay $45.00' }).click();
    await dialog.getByRole('button', { name: 'Complete authentication' }).click();
    await dialog.getByText('+50,000 credits added').waitFor();
    await expect.poll(() => available(page)).toBe(before + 50_000);
    await page.close();
  });

  it('spends credits with "Generate website"', async () => {
    const page = await open();
    const before = await available(page);
    await page.getByRole('button', { name: /Generate website/ }).click();
    await expect.poll(() => available(page)).toBe(before - 1_250);
    await expect
      .poll(() => page.locator('[data-slot="history-row"]').first().textContent())
      .toContain('Website generation');
    await page.close();
  });

  it('two tabs on one account: spending in one updates the other from the live stream, without a reload or a refetch', async () => {
    // Once its stream is open, so the spend is pushed to it (not read when it connects).
    const watcher = await openDemo(demo.app, { live: true });
    const requests = recordRequests(watcher);
    const before = await available(watcher);
    const spender = await open();
    await spender.getByRole('button', { name: /Generate website/ }).click();
    await expect.poll(() => available(spender)).toBe(before - 1_250);
    await expect.poll(() => available(watcher)).toBe(before - 1_250);
    await expect
      .poll(() => watcher.locator('[data-slot="balance-announcer"]').textContent())
      .toContain((before - 1_250).toLocaleString('en-US'));
    expect(requests.navigations).toEqual([]);
    expect(requests.balanceReads).toEqual([]);
    expect(requests.streams.length).toBeLessThanOrEqual(1);
    await spender.close();
    await watcher.close();
  });

  it('auto-recharge: turned on, a "Generate website" that takes the balance below the threshold buys the package once, and the history says so', async () => {
    const page = await open();
    const before = await available(page);
    const toggle = page.getByRole('switch', { name: 'Top up automatically' });
    const settings = page.locator('section').filter({ has: toggle });
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.click();
    // The next generation crosses it (its hold of 1,500, then 1,250 spent): from at or above to below.
    await page.getByLabel('When credits fall below').fill(String(before - 1_000));
    await page.getByLabel('Buy', { exact: true }).selectOption('pkg_10k');
    await page.getByLabel(/^Monthly limit/).fill('100');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await settings.getByText(/^Auto-recharge on · \$0\.00 of \$100\.00 this month/).waitFor();
    await page.getByRole('button', { name: /Generate website/ }).click();
    // Spent, then topped up by the off-session charge of the saved default card, pushed live.
    await expect.poll(() => available(page), { timeout: 30_000 }).toBe(before - 1_250 + 10_000);
    await settings.getByText(/^Auto-recharge on · \$10\.00 of \$100\.00 this month/).waitFor();
    // The same status under the balance (BalanceCards' `status` slot).
    const underBalance = page.locator('[data-slot="balance-auto-recharge"]');
    await expect.poll(() => underBalance.textContent()).toMatch(/\$10\.00 of \$100\.00 this month/);
    // One ledger row for it, among the newest (the hold of the estimate crossed the threshold,
    // so the recharge may come before the capture's row).
    const recharges = page
      .locator('[data-slot="history-row"]')
      .filter({ hasText: 'Auto-recharge: 10,000 credits' });
    await expect.poll(() => recharges.count(), { timeout: 30_000 }).toBe(1);
    // Off again, so the other tests spend without recharges.
    await toggle.click();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await settings.getByText('Auto-recharge off').waitFor();
    // Off: nothing under the balance.
    await underBalance.waitFor({ state: 'detached' });
    expect(await available(page)).toBe(before - 1_250 + 10_000);
    await page.close();
  });

  it('shows usage over time; choosing a bar filters the history to its day, a legend entry to its website', async () => {
    const page = await open();
    const chart = page.locator('[data-slot="usage-chart"][data-status="success"]');
    await chart.getByRole('group', { name: 'Credits used over time' }).waitFor();
    // The shared picker: the ranking beside it shows the same period.
    const pickers = page.getByRole('combobox', { name: 'Period' });
    await expect.poll(() => pickers.count()).toBe(2);
    expect(await pickers.nth(0).inputValue()).toBe('last30');
    // A day with usage (the seeded ledger spends on most days): its bar names its total.
    const bars = chart.locator('[data-slot="usage-chart-bar"]');
    expect(await bars.count()).toBe(30);
    const names = await bars.evaluateAll((elements) =>
      elements.map((element) => element.getAttribute('aria-label') ?? ''),
    );
    const index = names.findLastIndex((name) => !/^[^:]*: 0 credits used/.test(name));
    expect(index, names.join('\n')).toBeGreaterThanOrEqual(0);
    const used = Number(
      names[index]!.split(': ')[1]!
        .replace(/ credits? used.*/, '')
        .replace(/\D/g, ''),
    );
    // The keyboard path: the bar takes focus, Enter chooses its day.
    await bars.nth(index).focus();
    await page.keyboard.press('Enter');
    const history = page.locator('[data-slot="history-table"]');
    const fromFilter = history.getByLabel('From', { exact: true });
    await expect.poll(() => fromFilter.inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const from = await fromFilter.inputValue();
    expect(await history.getByLabel('To', { exact: true }).inputValue()).toBe(from);
    // Only that day's rows, and its usage rows add up to the bar's total.
    const shownRows = () =>
      page.evaluate(() => {
        const day = new Intl.DateTimeFormat('en-CA', {
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        });
        return [...document.querySelectorAll('[data-slot="history-row"]')].map((row) => ({
          day: day.format(new Date(row.querySelector('time')?.getAttribute('dateTime') ?? '')),
          type: row.getAttribute('data-type'),
          amount: Number(
            (row.querySelector('[data-slot="history-amount"]')?.textContent ?? '').replace(
              /\D/g,
              '',
            ),
          ),
          website: row.querySelector('[data-column="website"]')?.textContent ?? '',
        }));
      });
    await expect
      .poll(async () => {
        const rows = await shownRows();
        return {
          days: [...new Set(rows.map((row) => row.day))],
          used: rows
            .filter((row) => row.type === 'usage')
            .reduce((sum, row) => sum + row.amount, 0),
        };
      })
      .toEqual({ days: [from], used });
    // A legend entry: that website over the whole period.
    const legend = chart.locator('[data-slot="usage-chart-legend"] button:not([disabled])').first();
    const website = (await legend.textContent()) ?? '';
    await legend.click();
    await chart.getByText(`Showing ${website} only`).waitFor();
    expect(await history.getByRole('combobox', { name: 'Website' }).inputValue()).not.toBe('');
    await expect
      .poll(async () => {
        const rows = await shownRows();
        return rows.length > 0 && rows.every((row) => row.website.includes(website));
      })
      .toBe(true);
    await page.close();
  });

  it("is findable as Lighthouse's SEO audits ask: a title, a description, a language and a robots.txt that is one", async () => {
    const page = await open();
    expect(await page.title()).not.toBe('');
    expect(
      (await page.locator('meta[name="description"]').getAttribute('content'))?.trim().length,
    ).toBeGreaterThan(20);
    expect(await page.locator('html').getAttribute('lang')).toMatch(/^[a-z]{2}/);
    // Vite's preview answers unknown paths with index.html, which Lighthouse reads as an invalid robots.txt.
    const robots = await page.request.get(`${demo.app.url}/robots.txt`);
    expect(robots.status()).toBe(200);
    expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
    expect(await robots.text()).toMatch(/^User-agent: \*$/m);
    await page.close();
  });

  it('adds a card, makes it the default and deletes another', async () => {
    const page = await open();
    await page.getByRole('button', { name: 'Add payment method' }).click();
    const add = page.getByRole('dialog', { name: 'Add payment method' });
    await add.getByLabel('Card number').fill('5555 5555 5555 4444');
    await add.getByRole('button', { name: 'Save card' }).click();
    await expect.poll(() => page.getByText('Mastercard •••• 4444').count()).toBe(2);
    await add.waitFor({ state: 'detached' });
    // Each card's "⋯" button shows its actions.
    await page.getByRole('button', { name: 'Actions for Mastercard •••• 4444' }).first().click();
    await page.getByRole('button', { name: 'Set as default', exact: true }).click();
    await page.getByRole('button', { name: 'Actions for Visa •••• 4242' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const confirm = page.getByRole('alertdialog');
    await confirm.getByRole('button', { name: 'Delete card' }).click();
    await expect.poll(() => page.getByText('Visa •••• 4242').count()).toBe(0);
    await page.close();
  });

  /**
   * After the page loads, only the keyboard: Tab / Shift+Tab to move, Enter or
   * Space to press, arrow keys in radio groups, typing, Escape to close.
   * (No `.focus()` or `.click()`: every control must be reachable with Tab.)
   */
  describe('with the keyboard only', () => {
    const addCredits = (page: Page) => page.getByRole('button', { name: 'Add credits' }).last();

    it('buys a package with the saved default card', async () => {
      const page = await open();
      const before = await available(page);
      const trigger = addCredits(page);
      await tabTo(page, trigger);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Add credits' });
      // The dialog takes focus on the selected package; ArrowDown selects the next one.
      const starter = dialog.getByRole('radio', { name: /^10,000 credits/ });
      await expectFocus(page, starter);
      expect(await starter.isChecked()).toBe(true);
      await arrowTo(page, dialog.getByRole('radio', { name: /^50,000 credits/ }));
      // Tab leaves the package group for the payment methods: the default card is selected.
      const defaultCard = dialog.getByRole('radio', { name: /Default/ });
      await defaultCard.waitFor();
      await page.keyboard.press('Tab');
      await expectFocus(page, defaultCard);
      expect(await defaultCard.isChecked()).toBe(true);
      const pay = dialog.getByRole('button', { name: 'Pay $45.00' });
      await expect.poll(() => pay.isEnabled()).toBe(true);
      await tabTo(page, pay, { max: 3 });
      await page.keyboard.press('Enter');
      await dialog.getByText('+50,000 credits added').waitFor();
      // Done takes focus; Enter closes, and focus returns to the trigger.
      await expectFocus(page, dialog.getByRole('button', { name: 'Done' }));
      await page.keyboard.press('Enter');
      await dialog.waitFor({ state: 'detached' });
      await expectFocus(page, trigger);
      await expect.poll(() => available(page)).toBe(before + 50_000);
      await page.close();
    });

    it('buys with a new 3D Secure card and completes the challenge', async () => {
      const page = await open();
      const before = await available(page);
      const trigger = addCredits(page);
      await tabTo(page, trigger);
      await page.keyboard.press('Space');
      const dialog = page.getByRole('dialog', { name: 'Add credits' });
      await expectFocus(page, dialog.getByRole('radio', { name: /^10,000 credits/ }));
      const defaultCard = dialog.getByRole('radio', { name: /Default/ });
      await defaultCard.waitFor();
      await page.keyboard.press('Tab');
      await expectFocus(page, defaultCard);
      await arrowTo(page, dialog.getByRole('radio', { name: 'Use a new card' }));
      const cardNumber = dialog.getByRole('textbox', { name: 'Card number' });
      await tabTo(page, cardNumber, { max: 1 });
      await page.keyboard.type('4000 0027 6000 3184');
      // Past "Save card" (Space unticks it: this purchase keeps no card).
      const saveCard = dialog.getByRole('checkbox', { name: /save/i });
      await tabTo(page, saveCard, { max: 1 });
      await page.keyboard.press('Space');
      expect(await saveCard.isChecked()).toBe(false);
      const pay = dialog.getByRole('button', { name: 'Pay $10.00' });
      await expect.poll(() => pay.isEnabled()).toBe(true);
      await tabTo(page, pay, { max: 1 });
      await page.keyboard.press('Enter');
      // The challenge replaces the form and takes focus on its main action.
      const complete = dialog.getByRole('button', { name: 'Complete authentication' });
      await expectFocus(page, complete);
      await page.keyboard.press('Enter');
      await dialog.getByText('+10,000 credits added').waitFor();
      await expectFocus(page, dialog.getByRole('button', { name: 'Done' }));
      // Escape closes it too, and focus returns to the trigger.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      await expectFocus(page, trigger);
      await expect.poll(() => available(page)).toBe(before + 10_000);
      await page.close();
    });

    it('spends credits with "Generate website"', async () => {
      const page = await open();
      const before = await available(page);
      await tabTo(page, page.getByRole('button', { name: /^Generate website/ }));
      await page.keyboard.press('Enter');
      await page.getByText(/1,250 credits spent/).waitFor();
      await expect.poll(() => available(page)).toBe(before - 1_250);
      await page.close();
    });

    it('adds a card, makes it the default and deletes another (with confirmation)', async () => {
      const page = await open();
      const addButton = page.getByRole('button', { name: 'Add payment method' });
      const add = page.getByRole('dialog', { name: 'Add payment method' });
      const cardNumber = add.getByRole('textbox', { name: 'Card number' });
      await page
        .getByText(/Mastercard •••• 4444/)
        .first()
        .waitFor();

      // Escape closes the dialog; focus returns to "Add payment method". (From the top of the
      // page, past the usage chart's period, legend, bars and buttons.)
      await tabTo(page, addButton, { max: 30 });
      await page.keyboard.press('Enter');
      await expectFocus(page, cardNumber);
      await page.keyboard.press('Escape');
      await add.waitFor({ state: 'detached' });
      await expectFocus(page, addButton);

      // Add a 3D Secure card: type it, Save card, complete the challenge.
      const visaActions = page.getByRole('button', { name: 'Actions for Visa •••• 3184' });
      const visas = await visaActions.count();
      await page.keyboard.press('Enter');
      await expectFocus(page, cardNumber);
      await page.keyboard.type('4000 0027 6000 3184');
      // The footer reads Cancel, then Save card (one footer order in every dialog).
      await tabTo(page, add.getByRole('button', { name: 'Save card' }), { max: 2 });
      await page.keyboard.press('Enter');
      const complete = add.getByRole('button', { name: 'Complete authentication' });
      await expectFocus(page, complete);
      await page.keyboard.press('Space');
      await add.waitFor({ state: 'detached' });
      await expectFocus(page, addButton);
      await expect.poll(() => visaActions.count()).toBe(visas + 1);

      // Make the new card (the last one) the default: its "⋯" button, Tab into the actions,
      // Set as default; focus comes back to the "⋯" button.
      const setDefault = page.getByRole('button', { name: 'Set as default', exact: true });
      await tabTo(page, visaActions.last());
      await page.keyboard.press('Enter');
      await tabTo(page, setDefault, { max: 1 });
      await page.keyboard.press('Enter');
      const defaultCard = page
        .getByRole('region', { name: 'Payment methods' })
        .getByRole('listitem')
        .filter({ hasText: /Default/ });
      await expect.poll(() => defaultCard.textContent()).toContain('Visa •••• 3184');
      // (The default card is listed first: its row moved, focus with it.)
      await expectFocus(
        page,
        defaultCard.getByRole('button', { name: 'Actions for Visa •••• 3184' }),
      );

      // Delete a Mastercard: Escape cancels (focus back on its "⋯" button), then confirm.
      const mastercardActions = page.getByRole('button', {
        name: 'Actions for Mastercard •••• 4444',
      });
      const deleteItem = page.getByRole('button', { name: 'Delete', exact: true });
      const mastercards = await mastercardActions.count();
      await tabTo(page, mastercardActions.first());
      await page.keyboard.press('Enter');
      // Escape closes the actions: focus back on the "⋯" button, the actions gone.
      await tabTo(page, deleteItem, { max: 2 });
      await page.keyboard.press('Escape');
      await deleteItem.waitFor({ state: 'hidden' });
      await expectFocus(page, mastercardActions.first());
      await expect
        .poll(() => mastercardActions.first().getAttribute('aria-expanded'))
        .toBe('false');
      await page.keyboard.press('Enter');
      await tabTo(page, deleteItem, { max: 2 });
      await page.keyboard.press('Enter');
      const confirm = page.getByRole('alertdialog', { name: /Mastercard •••• 4444/ });
      await expectFocus(page, confirm.getByRole('button', { name: 'Cancel' }));
      await page.keyboard.press('Escape');
      await confirm.waitFor({ state: 'detached' });
      await expectFocus(page, mastercardActions.first());
      await page.keyboard.press('Enter');
      await tabTo(page, deleteItem, { max: 2 });
      await page.keyboard.press('Enter');
      await tabTo(page, confirm.getByRole('button', { name: 'Delete card' }), { max: 2 });
      await page.keyboard.press('Enter');
      await expect.poll(() => mastercardActions.count()).toBe(mastercards - 1);
      // The deleted card's button is gone: focus returns to "Add payment method".
      await expectFocus(page, addButton);
      await page.close();
    });
  });
});
