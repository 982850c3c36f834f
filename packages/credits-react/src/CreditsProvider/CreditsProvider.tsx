import { QueryClient, QueryClientContext, QueryClientProvider } from '@tanstack/react-query';
import type { CreditsClient } from 'credits-core';
import { creditsKeys } from 'credits-core/query';
import { setNonce } from 'get-nonce';
import { type ReactNode, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { HostLabels } from '../labels/CreditsLabels.js';
import { CreditsContext, type CreditsTheme, type StripeInput } from './CreditsContext.js';
import { type LiveOptions, LiveUpdates } from './LiveUpdates.js';
import { useCatalogue } from './useCatalogue.js';

export interface CreditsProviderProps {
  /** A client from `createCreditsClient()`. */
  client: CreditsClient;
  /** The signed-in account (user or tenant id). Changing it drops the previous account's cached data. */
  account: string;
  /** Use this QueryClient; else the host's `<QueryClientProvider>`'s, else one of our own. */
  queryClient?: QueryClient;
  /**
   * BCP 47 locale for words, numbers, money and dates. Default: the runtime's for numbers
   * and dates, English words. German, French, Spanish, Portuguese (Brazil), Japanese and
   * Arabic are shipped and loaded on demand (de-AT uses de, pt-PT uses pt-BR); the widgets
   * appear once their translation is loaded. Call `loadCreditsLabels(locale)` before
   * rendering on a server and before hydrating, so the first render is translated.
   */
  locale?: string;
  /** IANA time zone for dates. Set it when rendering on a server, so server and browser agree. */
  timeZone?: string;
  /** Override any user-visible string (over the shipped translation for `locale`). */
  labels?: HostLabels;
  /** Colour scheme of the widgets. Default `light`. */
  theme?: CreditsTheme;
  /**
   * A Stripe instance or promise (`loadStripe(…)`), as `<Elements stripe>` takes. Omit it and
   * Stripe.js is loaded from the backend's publishable key — only when a card form or payment
   * is about to happen, never for balance, history or the saved-card list.
   */
  stripe?: StripeInput;
  /**
   * Your Content-Security-Policy nonce. The widgets inject no script and no
   * style of their own; the dialogs' scroll lock (Radix) adds one `<style>`
   * element, which carries this nonce, so `style-src 'nonce-…'` allows it.
   */
  nonce?: string;
  /**
   * Keep the balance, history and saved cards current while the page is open. On by default:
   * when the backend's `/config` offers `events`, a Server-Sent Events stream writes every
   * change into the cache as it happens (resuming after drops); otherwise, or while the
   * stream keeps failing, it polls every 30 s while the page is visible. Nothing runs while the
   * page is hidden. `false` turns it off (changes then show on focus or `useInvalidateCredits`).
   */
  live?: boolean | LiveOptions;
  children?: ReactNode;
}

/**
 * Gives every credits widget and hook below it a client, an account, a locale
 * and one shared query cache: mounting several widgets fetches each resource once.
 */
const NO_LABELS: HostLabels = {};

export function CreditsProvider({
  client,
  account,
  queryClient,
  locale,
  timeZone,
  labels,
  theme = 'light',
  stripe,
  nonce,
  live = true,
  children,
}: CreditsProviderProps) {
  // Read by the scroll lock when a dialog opens, i.e. always after this effect.
  useEffect(() => {
    if (nonce) setNonce(nonce);
  }, [nonce]);
  const hostClient = useContext(QueryClientContext);
  // Our own client keeps data fresh for a few seconds, so server-rendered (hydrated) data is not
  // fetched again the moment the page becomes interactive.
  const [ownClient] = useState(() =>
    queryClient || hostClient
      ? null
      : new QueryClient({ defaultOptions: { queries: { staleTime: 10_000 } } }),
  );
  const activeClient = queryClient ?? hostClient ?? (ownClient as QueryClient);

  // Sign-out / sign-in as someone else: forget the previous account's data at once.
  const previousAccount = useRef(account);
  useEffect(() => {
    if (previousAccount.current !== account) {
      activeClient.removeQueries({ queryKey: creditsKeys.account(previousAccount.current) });
      previousAccount.current = account;
    }
  }, [account, activeClient]);

  const shown = useCatalogue(locale);
  const shownLocale = shown?.locale;
  const catalogue = shown?.labels;
  const value = useMemo(
    () => ({
      client,
      account,
      locale: shownLocale,
      catalogue,
      timeZone,
      labelOverrides: labels ?? NO_LABELS,
      theme,
      stripe,
    }),
    [client, account, shownLocale, catalogue, timeZone, labels, theme, stripe],
  );

  // Nothing until the first translation is at hand: never English words, then German ones.
  const content = shown ? (
    <CreditsContext.Provider value={value}>
      {live !== false && <LiveUpdates {...(live === true ? {} : live)} />}
      {children}
    </CreditsContext.Provider>
  ) : null;
  return activeClient === hostClient ? (
    content
  ) : (
    <QueryClientProvider client={activeClient}>{content}</QueryClientProvider>
  );
}
