import { useEffect, useState } from 'react';
import type { Translation } from '../labels/CreditsLabels.js';
import { loadCreditsLabels, loadedCreditsLabels } from '../labels/loadCreditsLabels.js';

/** A locale whose translation is at hand (`labels` undefined: English). */
export interface ShownLocale {
  locale: string | undefined;
  labels: Translation | undefined;
}

/**
 * The locale the widgets can show now. A loaded (or English) locale shows at once. Another is
 * loaded first: until then the previous locale stays on screen, or nothing the very first time,
 * so the widgets never flash English before German. A catalogue that fails to load shows English.
 */
export function useCatalogue(locale: string | undefined): ShownLocale | null {
  const now = loadedCreditsLabels(locale);
  const [, setLoaded] = useState<unknown>();
  const [previous, setPrevious] = useState<ShownLocale | null>(null);

  useEffect(() => {
    if (now.ready) return;
    let live = true;
    // Loaded or failed, it is at hand now (failed: English): render again to show it.
    void loadCreditsLabels(locale).then(() => live && setLoaded({}));
    return () => {
      live = false;
    };
  }, [locale, now.ready]);

  const shown = now.ready ? { locale, labels: now.labels } : previous;
  // Remember what is on screen, to keep it while the next locale loads.
  if (shown && (shown.locale !== previous?.locale || shown.labels !== previous?.labels))
    setPrevious(shown);
  return shown;
}
