/**
 * Every dialog, as one lazily loaded chunk: Radix Dialog/AlertDialog, the
 * purchase form, the card forms and the payment providers. Pages that only show
 * the balance and history never download it; hover or focus on a button that
 * opens a dialog starts the download.
 */
export { default as AddCreditsDialogContent } from '../AddCreditsDialog/AddCreditsDialogContent.js';
export { AddPaymentMethodDialog } from '../PaymentMethods/AddPaymentMethodDialog.js';
export { DeletePaymentMethodDialog } from '../PaymentMethods/DeletePaymentMethodDialog.js';
