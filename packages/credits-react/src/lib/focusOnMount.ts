/**
 * A ref callback: when a step replaces a form, the focused button disappears,
 * so move focus to the new step's main action and keyboard and screen-reader
 * users are not lost. Stable (module-level), so it runs once per mount.
 */
export const focusOnMount = (element: HTMLElement | null): void => {
  element?.focus();
};
