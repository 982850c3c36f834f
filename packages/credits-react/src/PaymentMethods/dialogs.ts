/**
 * PaymentMethods' dialogs, as one lazily loaded chunk: Radix Dialog and
 * AlertDialog, the card forms and the payment providers. Fetched on intent
 * (hover or focus on a button that opens one).
 */
export { AddPaymentMethodDialog } from './AddPaymentMethodDialog.js';
export { DeletePaymentMethodDialog } from './DeletePaymentMethodDialog.js';
