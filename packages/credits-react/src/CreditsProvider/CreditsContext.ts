import type { CreditsClient } from 'credits-core';
import { createContext, useContext } from 'react';
import type { HostLabels, Translation } from '../labels/CreditsLabels.js';

export type CreditsTheme = 'light' | 'dark' | 'system';

/** A Stripe.js instance or promise, as `<Elements stripe>` takes (typed loosely: Stripe is an optional peer). */
export type StripeInput = PromiseLike<unknown> | object | null;

export interface CreditsContextValue {
  client: CreditsClient;
  /** Scopes every cache key: another signed-in account never reads this one's data. */
  account: string;
  /** The locale shown: the provider's `locale` once its translation is loaded. */
  locale: string | undefined;
  timeZone: string | undefined;
  /** The shipped translation for `locale`, or `undefined` for the built-in English. */
  catalogue: Translation | undefined;
  /** The host's `labels`; widgets read them through `useLabels`, over their own defaults. */
  labelOverrides: HostLabels;
  theme: CreditsTheme;
  /** Stripe.js from the host, or `undefined`: then it is loaded lazily from the config's publishable key. */
  stripe: StripeInput | undefined;
}

export const CreditsContext = createContext<CreditsContextValue | null>(null);

/** The provider's value; `hookName` makes the error say which hook was called where. */
export function useCreditsContext(hookName: string): CreditsContextValue {
  const value = useContext(CreditsContext);
  if (!value) throw new Error(`${hookName} must be used inside <CreditsProvider>`);
  return value;
}
