import { textDirection } from 'credits-core';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';

/**
 * What every element rooting our styles needs — a widget, a portalled dialog,
 * the trigger placed anywhere in the host: theme tokens, text direction and
 * language. `caller` names it in the error when used outside the provider.
 */
export function useRootAttributes(caller: string) {
  const { theme, locale, catalogue } = useCreditsContext(caller);
  return {
    'data-credits-root': '',
    'data-credits-theme': theme,
    dir: textDirection(locale),
    // The language of the words shown: English where no catalogue was found or loaded
    // (numbers and dates still follow the locale).
    lang: !locale || catalogue || /^en\b/i.test(locale) ? locale : 'en',
  } as const;
}
