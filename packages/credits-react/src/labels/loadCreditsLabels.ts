import type { Translation } from './CreditsLabels.js';

/**
 * The shipped translations, one module (one chunk in a host's bundle) each, imported only
 * for the locale in use. English is built in and needs none.
 */
const CATALOGUES: Record<string, () => Promise<{ labels: Translation }>> = {
  ar: () => import('./catalogues/ar.js'),
  de: () => import('./catalogues/de.js'),
  es: () => import('./catalogues/es.js'),
  fr: () => import('./catalogues/fr.js'),
  ja: () => import('./catalogues/ja.js'),
  'pt-BR': () => import('./catalogues/ptBR.js'),
};

/** Loaded catalogues (`null`: it failed to load, English shows), and those being loaded. */
const loaded = new Map<string, Translation | null>();
const loading = new Map<string, Promise<Translation | undefined>>();

/**
 * Which shipped catalogue a locale uses, or `undefined` for English: the exact tag
 * (pt-BR), else its language (de-AT → de), else that language in another region
 * (pt-PT → pt-BR). English, unknown and malformed locales get the built-in English.
 */
export function catalogueLocale(locale: string | undefined): string | undefined {
  // language[-Script][-REGION], as BCP 47 writes them (also with "_").
  const [, language = '', region] =
    /^([a-z]{2,3})(?:[-_][a-z]{4})?(?:[-_]([a-z]{2}|\d{3}))?(?:[-_]|$)/i.exec(locale ?? '') ?? [];
  const tag = `${language.toLowerCase()}-${region?.toUpperCase()}`;
  if (tag in CATALOGUES) return tag;
  return Object.keys(CATALOGUES).find((key) => key.split('-')[0] === language.toLowerCase());
}

/** The catalogue for `locale` if it is at hand now: loaded, or English (`labels` undefined). */
export function loadedCreditsLabels(
  locale: string | undefined,
): { ready: true; labels: Translation | undefined } | { ready: false } {
  const key = catalogueLocale(locale);
  const labels = key ? loaded.get(key) : null;
  return labels === undefined ? { ready: false } : { ready: true, labels: labels ?? undefined };
}

/**
 * Loads the widgets' translation for `locale` (resolves `undefined` for English). Call it
 * before rendering on a server, and before hydrating, so the first render is already
 * translated; `<CreditsProvider>` calls it itself otherwise. A catalogue that fails to
 * load resolves `undefined` (English shows) and is tried again on the next call.
 */
export function loadCreditsLabels(locale: string | undefined): Promise<Translation | undefined> {
  const key = catalogueLocale(locale);
  if (!key) return Promise.resolve(undefined);
  const pending =
    loading.get(key) ??
    (CATALOGUES[key] as () => Promise<{ labels: Translation }>)().then(
      ({ labels }) => {
        loaded.set(key, labels);
        return labels;
      },
      () => {
        loaded.set(key, null);
        loading.delete(key);
        return undefined;
      },
    );
  loading.set(key, pending);
  return pending;
}
