/** The locales a translation ships for; English is built in and needs none. */
const LOCALES = ['ar', 'de', 'es', 'fr', 'ja', 'pt-BR'];

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
  if (LOCALES.includes(tag)) return tag;
  return LOCALES.find((key) => key.split('-')[0] === language.toLowerCase());
}

/**
 * One set of translations (the widgets', or one widget's own), one module per locale: each is
 * imported only for the locale in use, once. A catalogue that fails to load resolves
 * `undefined` (English shows) and is tried again on the next `load`.
 */
export function createCatalogueLoader<T>(catalogues: Record<string, () => Promise<{ labels: T }>>) {
  /** Loaded catalogues (`null`: it failed to load, English shows), and those being loaded. */
  const loaded = new Map<string, T | null>();
  const loading = new Map<string, Promise<T | undefined>>();
  return {
    /** The catalogue for `locale` if it is at hand now: loaded, or English (`labels` undefined). */
    loaded(locale: string | undefined): { ready: true; labels: T | undefined } | { ready: false } {
      const key = catalogueLocale(locale);
      const labels = key ? loaded.get(key) : null;
      return labels === undefined ? { ready: false } : { ready: true, labels: labels ?? undefined };
    },
    load(locale: string | undefined): Promise<T | undefined> {
      const key = catalogueLocale(locale);
      if (!key) return Promise.resolve(undefined);
      const pending =
        loading.get(key) ??
        (catalogues[key] as () => Promise<{ labels: T }>)().then(
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
    },
  };
}
