import type { PaymentLabels } from './CreditsLabels.js';
import { paymentMethodLabels } from './paymentMethodLabels.js';

/**
 * English defaults of the strings of AddCreditsDialog, PaymentMethods and the card forms: the
 * saved-card list's own (loaded with the page) and the dialogs' (loaded with the dialogs).
 */
export const paymentLabels: PaymentLabels = {
  ...paymentMethodLabels,
  packageBadges: {},
  addCreditsTitle: 'Add credits',
  addCreditsDescription:
    'Buy a one-time credit package. Credits are added as soon as the payment succeeds.',
  choosePackage: 'Choose a package',
  pricePerThousand: (price, { formatted }) => `${price} per ${formatted} credits`,
  paymentMethod: 'Payment method',
  useNewCard: 'Use a new card',
  testMode: 'Test mode',
  cardNumber: 'Card number',
  testCardHint:
    'Test cards: 4242 4242 4242 4242 (succeeds), 4000 0027 6000 3184 (3D Secure), 4000 0000 0000 9995 (insufficient funds), 4000 0000 0000 0002 (declined).',
  invalidTestCard:
    'Test mode accepts Stripe’s test card numbers only. Use one of the cards listed below.',
  saveCard: 'Save this card for future purchases',
  pay: (price) => `Pay ${price}`,
  payingNow: 'Processing payment…',
  orderTotal: 'Total',
  processedByStripe: 'Payments are processed by Stripe',
  processingPayment:
    'Your payment is being confirmed. Your credits will appear as soon as it completes — you can close this window.',
  challengeTitle: 'Confirm the payment with your bank',
  challengeText:
    'Your bank asks you to authenticate this payment (3D Secure, simulated in test mode).',
  completeAuthentication: 'Complete authentication',
  failAuthentication: 'Fail authentication',
  purchaseSucceeded: ({ formatted, plural }) =>
    `+${formatted} ${plural === 'one' ? 'credit' : 'credits'} added`,
  newBalance: ({ formatted, plural }) =>
    `New balance: ${formatted} ${plural === 'one' ? 'credit' : 'credits'}`,
  done: 'Done',
  tryAgain: 'Try again',
  close: 'Close',
  notAllowedToBuy: 'Your account can’t buy credits. Ask an administrator of your workspace.',
  noPaymentProvider: 'Card payments aren’t available right now. Please try again later.',
  stripeUnavailable:
    'The secure card form couldn’t load. Check your connection and try again, or pay with a saved card.',
  loadingCardForm: 'Loading the secure card form…',
  loadingPackages: 'Loading credit packages…',
  declines: {},
  deleteTitle: (card) => `Delete ${card}?`,
  deleteDescription: 'This card will no longer be available for purchases.',
  deleteDefaultDescription: 'This is your default card. Choose which card becomes the default.',
  chooseNewDefault: 'New default card',
  confirmDelete: 'Delete card',
  saveCardButton: 'Save card',
  cardSaved: 'Card saved.',
};
