/**
 * Every dialog, as one lazily loaded chunk: Radix Dialog/AlertDialog, the
 * purchase form, the card forms and the payment providers. Pages that only show
 * the balance and history never download it; hover or focus on a button that
 * opens a dialog starts the download.
 */
export { default as AddCreditsDialogContent } from '../AddCreditsDialog/AddCreditsDialogContent';
export { AddPaymentMethodDialog } from '../PaymentMethods/AddPaymentMethodDialog';
export { DeletePaymentMethodDialog } from '../PaymentMethods/DeletePaymentMethodDialog';
