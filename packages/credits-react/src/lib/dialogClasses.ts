/** The dimmed page behind every dialog. */
export const overlayClass = 'cr:fixed cr:inset-0 cr:z-50 cr:bg-black/50';

// No focus ring on the panel itself: Radix focuses it when the control that had focus goes
// away (Pay while busy), and a ring round the whole dialog after a result reads as an error.
const panelBase =
  'cr:outline-none cr:fixed cr:start-1/2 cr:top-1/2 cr:z-50 cr:flex cr:-translate-x-1/2 cr:-translate-y-1/2 cr:rtl:translate-x-1/2 cr:flex-col cr:rounded-card cr:border cr:border-border cr:bg-surface cr:text-fg cr:shadow-xl';

/** The centred panel of a short dialog (a confirmation); each dialog adds its own width. */
export const panelClass = `${panelBase} cr:gap-4 cr:p-6`;

/**
 * The centred panel of a dialog with a form (checkout, add card): never taller than the
 * viewport, its header and footer fixed and only the body between them scrolling, so the
 * action and its error stay in sight at any height (`dvh`: a phone's toolbars included).
 */
export const sheetPanelClass = `${panelBase} cr:max-h-[calc(100dvh-1rem)]`;

/** The sheet's title and description, above the scrolling body (room for the close button). */
export const sheetHeaderClass = 'cr:flex cr:flex-col cr:gap-1 cr:px-6 cr:pt-6 cr:pb-4 cr:pe-14';

/**
 * A run of the sheet: its scrolling body, then its fixed footer. A form spans both, so the
 * submit button in the footer still submits it.
 */
export const sheetSectionsClass = 'cr:flex cr:min-h-0 cr:flex-1 cr:flex-col';

/** The sheet's scrolling body (a few px of padding keep the options' focus rings in view). */
export const sheetBodyClass =
  'cr:flex cr:min-h-0 cr:flex-1 cr:flex-col cr:gap-5 cr:overflow-y-auto cr:px-6 cr:pt-1 cr:pb-4';

/** The sheet's fixed footer: the error of the last attempt, then the actions. */
export const sheetFooterClass =
  'cr:flex cr:flex-col cr:gap-3 cr:border-t cr:border-border cr:px-6 cr:py-4';

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
