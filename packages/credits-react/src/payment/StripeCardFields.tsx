import { Elements, PaymentElement, useElements } from '@stripe/react-stripe-js';
import type { Stripe, StripeElements } from '@stripe/stripe-js';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { stripeAppearance } from './stripeAppearance.js';

export interface StripeCardFieldsProps {
  getStripe: () => Promise<unknown>;
  /** `payment` for a purchase (amount known), `setup` to save a card. */
  intent:
    | { mode: 'payment'; amount: number; currency: string; savePaymentMethod: boolean }
    | { mode: 'setup'; currency: string };
  onElements: (elements: StripeElements | null) => void;
  /** The widgets' colour scheme (the Element gets Stripe's night theme when dark). */
  theme: 'light' | 'dark' | 'system';
  /** Shown instead of the form when Stripe.js cannot load. */
  unavailable: string;
}

function ElementsBridge({ onElements }: { onElements: (elements: StripeElements | null) => void }) {
  const elements = useElements();
  useEffect(() => {
    onElements(elements);
    return () => onElements(null);
  }, [elements, onElements]);
  return <PaymentElement options={{ layout: 'tabs' }} />;
}

/**
 * Stripe's Payment Element: card data only ever lives in Stripe's iframes.
 * This module (and Stripe.js) loads only when a card form is shown.
 */
// Everything it shows comes in as props: this chunk then shares no module with the widgets'
// chunks but React's, so a host's bundler makes no extra chunk for the labels (issue 20's bytes).
export default function StripeCardFields({
  getStripe,
  intent,
  onElements,
  theme,
  unavailable,
}: StripeCardFieldsProps) {
  const root = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const stripePromise = useMemo(
    () => (getStripe() as Promise<Stripe | null>).catch(() => null),
    [getStripe],
  );
  // Offline, blocked or misconfigured: say so instead of an empty box (state set only once mounted).
  useEffect(() => {
    let mounted = true;
    void stripePromise.then((stripe) => {
      if (mounted && !stripe) setFailed(true);
    });
    return () => {
      mounted = false;
    };
  }, [stripePromise]);
  const dark =
    theme === 'dark' ||
    (theme === 'system' &&
      typeof matchMedia !== 'undefined' &&
      matchMedia('(prefers-color-scheme: dark)').matches);
  // The tokens are read from the rendered widget (its theme, the host's overrides), so the
  // Element is created once they are known: one layout effect later, before the first paint.
  const [appearance, setAppearance] = useState<ReturnType<typeof stripeAppearance>>();
  useLayoutEffect(() => setAppearance(stripeAppearance(root.current, dark)), [dark]);
  const options = {
    appearance,
    currency: intent.currency.toLowerCase(),
    ...(intent.mode === 'payment'
      ? {
          mode: 'payment' as const,
          amount: intent.amount,
          ...(intent.savePaymentMethod ? { setupFutureUsage: 'off_session' as const } : {}),
        }
      : { mode: 'setup' as const }),
  };
  return (
    // Card number, expiry and CVC read left to right in every language (the host of Stripe's
    // iframes too, so an RTL page does not mirror their layout).
    <div ref={root} data-slot="stripe-card" dir="ltr" className="cr:min-h-12">
      {failed ? (
        <p role="alert" className="cr:m-0 cr:text-sm cr:text-danger">
          {unavailable}
        </p>
      ) : appearance === undefined ? null : (
        <Elements stripe={stripePromise} options={options}>
          <ElementsBridge onElements={onElements} />
        </Elements>
      )}
    </div>
  );
}
