/** The dimmed page behind every dialog. */
export const overlayClass = 'cr:fixed cr:inset-0 cr:z-50 cr:bg-black/50';

/** The centred panel every dialog shares; each dialog adds its own width. */
export const panelClass =
  'cr:fixed cr:start-1/2 cr:top-1/2 cr:z-50 cr:flex cr:-translate-x-1/2 cr:-translate-y-1/2 cr:rtl:translate-x-1/2 cr:flex-col cr:gap-4 cr:rounded-card cr:border cr:border-border cr:bg-surface cr:p-6 cr:text-fg cr:shadow-xl';

/**
 * An `onCloseAutoFocus` handler: focus goes where the widget says (the button
 * that opened the dialog, or a fallback when that one is gone).
 */
export const focusOnClose =
  (target: () => HTMLElement | null | undefined) =>
  (event: Event): void => {
    event.preventDefault();
    target()?.focus();
  };
