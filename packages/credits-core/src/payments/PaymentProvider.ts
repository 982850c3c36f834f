import type { Purchase } from '../schemas/purchase.js';
import type { SetupIntent } from '../schemas/setupIntent.js';

/** How a new card reaches the provider: a sandbox test token, or whatever a Stripe form collected. */
export interface NewCardDetails {
  /** Sandbox: the test payment-method token mapped from the typed number in the browser. */
  token?: string;
  /** Keep the card for future purchases. */
  savePaymentMethod?: boolean;
  /** Stripe: the `elements` instance holding the Payment Element (card data stays in Stripe's iframes). */
  elements?: unknown;
}

/**
 * Confirms payments with one payment system. Two ship: the Stripe provider
 * (Stripe.js, loaded lazily) and the sandbox provider (test mode, offline).
 * Each method returns the purchase or setup intent as the backend sees it
 * afterwards.
 */
export interface PaymentProvider {
  readonly kind: 'stripe' | 'sandbox';
  /**
   * Validates what the user entered before anything is created (Stripe:
   * `elements.submit()`), so an incomplete form never creates a purchase.
   */
  prepareNewCard?(card: NewCardDetails): Promise<void>;
  /** Pays a purchase in `requires_payment_method` with a new card. */
  confirmPurchase(
    purchase: Purchase,
    card: NewCardDetails,
    signal?: AbortSignal,
  ): Promise<Purchase>;
  /**
   * Runs a required action (3D Secure). Stripe opens its own challenge; the
   * sandbox needs the user's answer, so `outcome` comes from the UI.
   */
  handleNextAction(
    purchase: Purchase,
    outcome?: 'complete' | 'fail',
    signal?: AbortSignal,
  ): Promise<Purchase>;
  /** Saves a new card through a SetupIntent. */
  confirmSetup(
    setupIntent: SetupIntent,
    card: NewCardDetails,
    signal?: AbortSignal,
  ): Promise<SetupIntent>;
  handleSetupNextAction(
    setupIntent: SetupIntent,
    outcome?: 'complete' | 'fail',
    signal?: AbortSignal,
  ): Promise<SetupIntent>;
  /** Whether `handleNextAction` needs the user's answer in our own UI (sandbox) or runs by itself (Stripe). */
  readonly needsChallengeUi: boolean;
}
