import type {
  PaymentIntent,
  PaymentIntentOrSetupIntentResult,
  PaymentIntentResult,
  SetupIntent,
  SetupIntentResult,
  Stripe,
  StripeElementsOptions,
  StripeError,
} from '@stripe/stripe-js';
import { expiryOf, validationError } from './cardInput.js';
import { createElements, elementsInternals } from './createElements.js';
import { IntegrationError, notModelled } from './notModelled.js';
import { createStripeJsApi } from './stripeJsApi.js';
import { runThreeDSecureChallenge } from './threeDSecureChallenge.js';
import { UNMODELLED_MEMBERS } from './unmodelledMembers.js';

export interface StripeJsStandInOptions {
  /** The Stripe API stand-in's origin (`startStripeStandIn().origin`), standing in for https://api.stripe.com. */
  apiBase: string;
}

type Intent = PaymentIntent | SetupIntent;
type Kind = 'payment_intent' | 'setup_intent';

interface ConfirmOptions {
  elements?: unknown;
  clientSecret?: string;
  confirmParams?: { return_url?: string };
  redirect?: 'if_required' | 'always';
}

const pathOf = (kind: Kind, id: string) =>
  `/v1/${kind === 'payment_intent' ? 'payment_intents' : 'setup_intents'}/${id}`;
const idOf = (clientSecret: string) => clientSecret.split('_secret_')[0] ?? '';
const kindOf = (clientSecret: string): Kind =>
  clientSecret.startsWith('seti_') ? 'setup_intent' : 'payment_intent';

/**
 * What `loadStripe(publishableKey)` resolves to, for tests: a `Stripe` object (typed with
 * @stripe/stripe-js's own `Stripe`) whose calls go over HTTP to the Stripe API stand-in
 * (startStripeStandIn) exactly as Stripe.js's go to api.stripe.com. Modelled: `elements()` with
 * the Payment Element's card form, `confirmPayment`, `confirmSetup`, `handleNextAction` (with
 * the 3D Secure test page), `retrievePaymentIntent`, `retrieveSetupIntent`; every other member
 * throws "not modelled".
 */
export function createStripeJsStandIn(
  publishableKey: string,
  options: StripeJsStandInOptions,
): Stripe {
  if (!publishableKey.startsWith('pk_')) {
    // https://docs.stripe.com/js/initializing: Stripe.js refuses any other kind of key.
    throw new IntegrationError(
      'Invalid value for Stripe(): apiKey should be a publishable key (pk_…). You used a secret or restricted key.',
    );
  }
  const api = createStripeJsApi(options.apiBase, publishableKey);
  const wrappers: unknown[] = [];

  const retrieve = (kind: Kind, clientSecret: string) =>
    api.get<Intent>(pathOf(kind, idOf(clientSecret)), { client_secret: clientSecret });

  /** The intent's result, or the error of its last failed attempt (as Stripe.js reports a failed 3DS). */
  function result(kind: Kind, intent: Intent): PaymentIntentOrSetupIntentResult {
    const failed =
      intent.status === 'requires_payment_method' &&
      ('last_payment_error' in intent ? intent.last_payment_error : intent.last_setup_error);
    if (failed) {
      const error = { ...failed, [kind]: intent } as unknown as StripeError;
      return { error };
    }
    return kind === 'payment_intent'
      ? { paymentIntent: intent as PaymentIntent }
      : { setupIntent: intent as SetupIntent };
  }

  /**
   * The next action of an intent in requires_action (https://docs.stripe.com/js/payment_intents/handle_next_action):
   * the 3D Secure challenge for `use_stripe_sdk`, then the intent as it is afterwards.
   */
  async function finish(
    kind: Kind,
    intent: Intent,
    clientSecret: string,
  ): Promise<PaymentIntentOrSetupIntentResult> {
    const action = intent.next_action as {
      type?: string;
      use_stripe_sdk?: { stripe_js?: string };
    } | null;
    if (intent.status !== 'requires_action' || action?.type !== 'use_stripe_sdk') {
      return result(kind, intent);
    }
    const url = new URL(action.use_stripe_sdk?.stripe_js ?? `/v1/3ds/${intent.id}`, api.base);
    url.searchParams.set('client_secret', clientSecret);
    await runThreeDSecureChallenge(url.href, intent.id);
    const after = await retrieve(kind, clientSecret);
    return after.ok ? result(kind, after.body) : { error: after.error };
  }

  /**
   * confirmPayment / confirmSetup with the Payment Element
   * (https://docs.stripe.com/js/payment_intents/confirm_payment,
   * https://docs.stripe.com/js/setup_intents/confirm_setup): the card goes to the API as
   * `payment_method_data`, with `return_url` and `use_stripe_sdk` so a 3D Secure challenge is
   * shown in place; only `redirect: 'if_required'` is modelled (cards never redirect).
   */
  async function confirm(kind: Kind, input: ConfirmOptions) {
    const name = kind === 'payment_intent' ? 'confirmPayment' : 'confirmSetup';
    if (input.redirect !== 'if_required') {
      return notModelled(`${name} with redirect: 'always' (a redirect to return_url)`)();
    }
    const group = elementsInternals(input.elements);
    if (!group?.payment) {
      throw new IntegrationError(
        `${name}: pass the elements group holding a mounted Payment Element.`,
      );
    }
    const options = group.options as StripeElementsOptions & {
      clientSecret?: string;
      mode?: string;
    };
    const clientSecret = input.clientSecret ?? options.clientSecret;
    if (!clientSecret) throw new IntegrationError(`${name}: clientSecret is required.`);
    if (options.mode && !group.submitted) {
      // https://docs.stripe.com/payments/accept-a-payment-deferred: submit first, then create the intent, then confirm.
      throw new IntegrationError(
        `elements.submit() must be called before stripe.${name}(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.`,
      );
    }
    const check = group.payment.check();
    const invalid = validationError(check);
    if (invalid) {
      group.payment.showErrors(check);
      return { error: invalid };
    }
    const card = group.payment.values();
    const expiry = expiryOf(card.expiry)!;
    const answer = await api.post<Intent>(`${pathOf(kind, idOf(clientSecret))}/confirm`, {
      client_secret: clientSecret,
      'payment_method_data[type]': 'card',
      'payment_method_data[card][number]': card.number.replace(/\D/g, ''),
      'payment_method_data[card][exp_month]': String(expiry.month),
      'payment_method_data[card][exp_year]': String(expiry.year),
      'payment_method_data[card][cvc]': card.cvc,
      use_stripe_sdk: 'true',
      ...(input.confirmParams?.return_url ? { return_url: input.confirmParams.return_url } : {}),
    });
    if (!answer.ok) return { error: answer.error };
    return finish(kind, answer.body, clientSecret);
  }

  const modelled = {
    elements: (elementsOptions?: StripeElementsOptions) => createElements(elementsOptions),
    confirmPayment: (input: ConfirmOptions) =>
      confirm('payment_intent', input) as Promise<PaymentIntentResult>,
    confirmSetup: (input: ConfirmOptions) =>
      confirm('setup_intent', input) as Promise<SetupIntentResult>,
    /**
     * https://docs.stripe.com/js/payment_intents/handle_next_action: for an intent in
     * requires_action (it throws for any other status), shows the challenge and resolves with
     * the intent afterwards, or the error of the failed authentication.
     */
    async handleNextAction(input: { clientSecret: string } | { hashedValue: string }) {
      if (!('clientSecret' in input)) return notModelled('handleNextAction({ hashedValue })')();
      const { clientSecret } = input;
      const kind = kindOf(clientSecret);
      const answer = await retrieve(kind, clientSecret);
      if (!answer.ok) return { error: answer.error };
      if (answer.body.status !== 'requires_action') {
        throw new IntegrationError(
          `handleNextAction: the ${kind === 'payment_intent' ? 'PaymentIntent' : 'SetupIntent'} has a status of ${answer.body.status}, not requires_action.`,
        );
      }
      return finish(kind, answer.body, clientSecret);
    },
    /** https://docs.stripe.com/js/payment_intents/retrieve_payment_intent */
    async retrievePaymentIntent(clientSecret: string): Promise<PaymentIntentResult> {
      const answer = await retrieve('payment_intent', clientSecret);
      return answer.ok ? { paymentIntent: answer.body as PaymentIntent } : { error: answer.error };
    },
    /** https://docs.stripe.com/js/setup_intents/retrieve_setup_intent */
    async retrieveSetupIntent(clientSecret: string): Promise<SetupIntentResult> {
      const answer = await retrieve('setup_intent', clientSecret);
      return answer.ok ? { setupIntent: answer.body as SetupIntent } : { error: answer.error };
    },
    /** Libraries built on Stripe.js announce themselves (react-stripe-js does); recorded, no effect. */
    registerAppInfo(info: unknown) {
      wrappers.push(info);
    },
    // Only Stripe's members; the ones without overloads checked against Stripe.js's own signatures.
  } satisfies Partial<Record<keyof Stripe, unknown>> &
    Pick<
      Stripe,
      'handleNextAction' | 'retrievePaymentIntent' | 'retrieveSetupIntent' | 'registerAppInfo'
    >;
  const unmodelled = Object.fromEntries(
    UNMODELLED_MEMBERS.map((member) => [member, notModelled(`stripe.${member}`)]),
  );
  return {
    ...unmodelled,
    ...modelled,
    // Not in the type, called by react-stripe-js when present.
    _registerWrapper: (info: unknown) => void wrappers.push(info),
  } as unknown as Stripe;
}

/** `loadStripe(publishableKey)` with the stand-in: resolves to it, as `loadStripe` resolves to Stripe. */
export const loadStripeStandIn = (publishableKey: string, options: StripeJsStandInOptions) =>
  Promise.resolve(createStripeJsStandIn(publishableKey, options));
