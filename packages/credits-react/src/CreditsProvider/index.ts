export { type CreditsContextValue, type CreditsTheme, useCreditsContext } from './CreditsContext';
export { CreditsProvider, type CreditsProviderProps } from './CreditsProvider';
