import type { CreditsLabels } from './CreditsLabels.js';

type Catalogue = { labels: CreditsLabels };

/**
 * The shipped translations, one module (one chunk in a host's bundle) each, imported only
 * for the locale in use. English is built in and needs none.
 */
const CATALOGUES: Record<string, () => Promise<Catalogue>> = {
  ar: () => import('./catalogues/ar.js'),
  de: () => import('./catalogues/de.js'),
  es: () => import('./catalogues/es.js'),
  fr: () => import('./catalogues/fr.js'),
  ja: () => import('./catalogues/ja.js'),
  'pt-BR': () => import('./catalogues/ptBR.js'),
};

const loaded = new Map<string, CreditsLabels>();
const loading = new Map<string, Promise<CreditsLabels | undefined>>();

/**
 * Which shipped catalogue a locale uses, or `undefined` for English: the exact tag
 * (pt-BR), else its language (de-AT → de), else that language in another region
 * (pt-PT → pt → pt-BR). Unknown or English locales get the built-in English.
 */
export function catalogueLocale(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  let tag: Intl.Locale;
  try {
    tag = new Intl.Locale(locale);
  } catch {
    return undefined;
  }
  const region = tag.region ? `${tag.language}-${tag.region}` : undefined;
  if (region && region in CATALOGUES) return region;
  if (tag.language in CATALOGUES) return tag.language;
  return Object.keys(CATALOGUES).find((key) => key.split('-')[0] === tag.language);
}

/** The catalogue for `locale` if it is already loaded (or English: `undefined` with `ready`). */
export function loadedCreditsLabels(
  locale: string | undefined,
): { ready: true; labels: CreditsLabels | undefined } | { ready: false } {
  const key = catalogueLocale(locale);
  if (key === undefined) return { ready: true, labels: undefined };
  const labels = loaded.get(key);
  return labels ? { ready: true, labels } : { ready: false };
}

/**
 * Loads the widgets' translation for `locale` (resolves `undefined` for English). Call it
 * before rendering on a server, and before hydrating, so the first render is already
 * translated; `<CreditsProvider>` calls it itself otherwise. A catalogue that fails to
 * load resolves `undefined` (English) and is tried again on the next call.
 */
export function loadCreditsLabels(locale: string | undefined): Promise<CreditsLabels | undefined> {
  const key = catalogueLocale(locale);
  const load = key === undefined ? undefined : CATALOGUES[key];
  if (key === undefined || !load) return Promise.resolve(undefined);
  const done = loaded.get(key);
  if (done) return Promise.resolve(done);
  let pending = loading.get(key);
  if (!pending) {
    pending = load().then(
      ({ labels }) => {
        loaded.set(key, labels);
        loading.delete(key);
        return labels;
      },
      () => {
        loading.delete(key);
        return undefined;
      },
    );
    loading.set(key, pending);
  }
  return pending;
}
