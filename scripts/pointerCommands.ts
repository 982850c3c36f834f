import type { BrowserCommand } from 'vitest/node';

/**
 * `pressPointer()` / `releasePointer()`: the primary mouse button held down where the
 * pointer is (after `userEvent.hover(element)`), then let go — Vitest's `userEvent` only
 * clicks, so a control's pressed (`:active`) look could not be caught in a screenshot.
 * Playwright's `page.mouse.down()` / `up()` on the test's page.
 */
const pressPointer: BrowserCommand<[]> = async ({ page }) => {
  await page.mouse.down();
};

const releasePointer: BrowserCommand<[]> = async ({ page }) => {
  await page.mouse.up();
};

export const pointerCommands = { pressPointer, releasePointer };
