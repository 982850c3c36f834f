export {
  type CreditsContextValue,
  type CreditsTheme,
  type StripeInput,
  useCreditsContext,
} from './CreditsContext.js';
export { CreditsProvider, type CreditsProviderProps } from './CreditsProvider.js';
export type { LiveOptions } from './LiveUpdates.js';
