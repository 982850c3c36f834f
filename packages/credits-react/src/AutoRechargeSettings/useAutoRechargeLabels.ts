import { useEffect, useMemo, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { createCatalogueLoader } from '../labels/catalogueLoader.js';
import { type AutoRechargeLabels, autoRechargeLabels } from './autoRechargeLabels.js';

/** Auto-recharge's translations: one chunk each, loaded only for the locale in use. */
const catalogues = /* @__PURE__ */ createCatalogueLoader<AutoRechargeLabels>({
  ar: () => import('./catalogues/ar.js'),
  de: () => import('./catalogues/de.js'),
  es: () => import('./catalogues/es.js'),
  fr: () => import('./catalogues/fr.js'),
  ja: () => import('./catalogues/ja.js'),
  'pt-BR': () => import('./catalogues/ptBR.js'),
});

/**
 * Auto-recharge's strings for the provider's locale, under the host's `labels.autoRecharge`;
 * `null` while that locale's words load (show a loading state, never English first).
 */
export function useAutoRechargeLabels(): AutoRechargeLabels | null {
  const { locale, labelOverrides } = useCreditsContext('useAutoRechargeLabels()');
  const now = catalogues.loaded(locale);
  const [, setLoaded] = useState<unknown>();
  useEffect(() => {
    if (now.ready) return;
    let live = true;
    void catalogues.load(locale).then(() => live && setLoaded({}));
    return () => {
      live = false;
    };
  }, [locale, now.ready]);
  const translation = now.ready ? now.labels : null;
  const host = labelOverrides.autoRecharge;
  return useMemo(
    () =>
      translation === null
        ? null
        : {
            ...autoRechargeLabels,
            ...translation,
            ...host,
            issues: { ...autoRechargeLabels.issues, ...translation?.issues, ...host?.issues },
            statusDisabled: {
              ...autoRechargeLabels.statusDisabled,
              ...translation?.statusDisabled,
              ...host?.statusDisabled,
            },
          },
    [translation, host],
  );
}
