/**
 * Every dialog, as one lazily loaded chunk (one chunk compresses better than
 * one per widget): Radix Dialog, the purchase form, the card forms
 * and the payment providers. Pages that only show the balance and history never
 * download it; hover or focus on a button that opens a dialog starts the
 * download. The widgets import it with `import()`; nothing here imports a widget.
 */
export { default as AddCreditsDialogContent } from './AddCreditsDialogContent.js';
export { AddPaymentMethodDialog } from './AddPaymentMethodDialog.js';
export { DeletePaymentMethodDialog } from './DeletePaymentMethodDialog.js';
