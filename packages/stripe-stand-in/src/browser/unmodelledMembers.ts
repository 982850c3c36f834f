import type { Stripe } from '@stripe/stripe-js';

type Modelled =
  | 'elements'
  | 'confirmPayment'
  | 'confirmSetup'
  | 'handleNextAction'
  | 'retrievePaymentIntent'
  | 'retrieveSetupIntent'
  | 'registerAppInfo';

/**
 * Every other member of Stripe.js's `Stripe`: the record's type makes the compiler list each
 * one (a member added to @stripe/stripe-js fails the typecheck until it is named here), and
 * the stand-in makes each throw "not modelled".
 */
const members: Record<Exclude<keyof Stripe, Modelled>, true> = {
  collectBankAccountForPayment: true,
  collectBankAccountForSetup: true,
  collectBankAccountToken: true,
  collectFinancialConnectionsAccounts: true,
  confirmAcssDebitPayment: true,
  confirmAcssDebitSetup: true,
  confirmAffirmPayment: true,
  confirmAfterpayClearpayPayment: true,
  confirmAlipayPayment: true,
  confirmAmazonPaySetup: true,
  confirmAuBecsDebitPayment: true,
  confirmAuBecsDebitSetup: true,
  confirmBacsDebitSetup: true,
  confirmBancontactPayment: true,
  confirmBancontactSetup: true,
  confirmBilliePayment: true,
  confirmBlikPayment: true,
  confirmBlikSetup: true,
  confirmBoletoPayment: true,
  confirmCardPayment: true,
  confirmCardSetup: true,
  confirmCashappPayment: true,
  confirmCashappSetup: true,
  confirmCustomerBalancePayment: true,
  confirmEpsPayment: true,
  confirmFpxPayment: true,
  confirmGiropayPayment: true,
  confirmGrabPayPayment: true,
  confirmIdealPayment: true,
  confirmIdealSetup: true,
  confirmKlarnaPayment: true,
  confirmKonbiniPayment: true,
  confirmMobilepayPayment: true,
  confirmMultibancoPayment: true,
  confirmOxxoPayment: true,
  confirmP24Payment: true,
  confirmPayByBankPayment: true,
  confirmPayNowPayment: true,
  confirmPayPalPayment: true,
  confirmPayPalSetup: true,
  confirmPixPayment: true,
  confirmPromptPayPayment: true,
  confirmSepaDebitPayment: true,
  confirmSepaDebitSetup: true,
  confirmSofortPayment: true,
  confirmSofortSetup: true,
  confirmTwintPayment: true,
  confirmUsBankAccountPayment: true,
  confirmUsBankAccountSetup: true,
  confirmWechatPayPayment: true,
  createConfirmationToken: true,
  createEmbeddedCheckoutPage: true,
  createEphemeralKeyNonce: true,
  createPaymentMethod: true,
  createRadarSession: true,
  createToken: true,
  handleCardAction: true,
  initCheckoutElementsSdk: true,
  initCheckoutFormSdk: true,
  initializePricing: true,
  paymentRequest: true,
  processOrder: true,
  retrieveOrder: true,
  verifyIdentity: true,
  verifyMicrodepositsForPayment: true,
  verifyMicrodepositsForSetup: true,
};

export const UNMODELLED_MEMBERS = Object.keys(members) as (keyof typeof members)[];
