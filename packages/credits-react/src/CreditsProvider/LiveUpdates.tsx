import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { LiveCredits } from 'credits-core/live';
import { configQueryOptions } from 'credits-core/query';
import { useEffect } from 'react';
import { useCreditsContext } from './CreditsContext.js';

/** A client without `connection` (a hand-made one): no stream, polling only. */
const NO_STREAM = { baseUrl: '' };

/** How the provider keeps the balance current (`live` on `<CreditsProvider>`). */
export interface LiveOptions {
  /**
   * Polling while the backend offers no event stream, or it keeps failing: every `intervalMs`
   * (default 30 000) while the page is visible; `false` for none.
   */
  poll?: { intervalMs?: number } | false;
}

/**
 * Starts `credits-core/live` for the signed-in account once `/config` says whether the backend
 * streams events: every change (credits spent in another tab, by a teammate, by the host's
 * server) lands in the shared cache, and BalanceCards' polite live region announces the new
 * balance. The subscription is a lazy chunk: it costs the first load nothing.
 */
export function LiveUpdates({ poll }: LiveOptions) {
  const { client, account } = useCreditsContext('<CreditsProvider live>');
  const queryClient = useQueryClient();
  // The config query itself, not hooks/useCreditsConfig: the provider sits below the hooks.
  const events = useQuery(configQueryOptions(client, account)).data?.events;
  const intervalMs = poll === false ? false : poll?.intervalMs;
  useEffect(() => {
    if (events === undefined) return;
    let stopped = false;
    let live: LiveCredits | undefined;
    // A chunk of its own, loaded once the config is known: the first load does not carry it.
    void import('credits-core/live').then(({ startLiveCredits }) => {
      if (stopped) return;
      live = startLiveCredits({
        ...(client.connection ?? NO_STREAM),
        queryClient,
        account,
        events: events && client.connection !== undefined,
        poll: intervalMs === false ? false : { intervalMs },
      });
    });
    return () => {
      stopped = true;
      live?.stop();
    };
  }, [client, account, queryClient, events, intervalMs]);
  return null;
}
