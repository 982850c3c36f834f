import type { Translation } from './CreditsLabels.js';
import { createCatalogueLoader } from './catalogueLoader.js';

export { catalogueLocale } from './catalogueLoader.js';

/**
 * The shipped translations, one module (one chunk in a host's bundle) each, imported only
 * for the locale in use. English is built in and needs none.
 */
const catalogues = /* @__PURE__ */ createCatalogueLoader<Translation>({
  ar: () => import('./catalogues/ar.js'),
  de: () => import('./catalogues/de.js'),
  es: () => import('./catalogues/es.js'),
  fr: () => import('./catalogues/fr.js'),
  ja: () => import('./catalogues/ja.js'),
  'pt-BR': () => import('./catalogues/ptBR.js'),
});

/** The catalogue for `locale` if it is at hand now: loaded, or English (`labels` undefined). */
export const loadedCreditsLabels = catalogues.loaded;

/**
 * Loads the widgets' translation for `locale` (resolves `undefined` for English). Call it
 * before rendering on a server, and before hydrating, so the first render is already
 * translated; `<CreditsProvider>` calls it itself otherwise. A catalogue that fails to
 * load resolves `undefined` (English shows) and is tried again on the next call.
 */
export const loadCreditsLabels: (locale: string | undefined) => Promise<Translation | undefined> =
  catalogues.load;
