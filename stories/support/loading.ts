import { expect, isInaccessible, within } from 'storybook/test';

/**
 * What a user perceives while a widget loads: its loading text, in the
 * accessibility tree (screen readers get it even when it is visually hidden),
 * inside the widget's root marked `aria-busy="true"`.
 */
export async function expectLoading(canvasElement: HTMLElement, text: string) {
  const status = await within(canvasElement).findByText(text);
  await expect(isInaccessible(status)).toBe(false);
  await expect(status.closest('[aria-busy]')).toHaveAttribute('aria-busy', 'true');
  return status;
}
