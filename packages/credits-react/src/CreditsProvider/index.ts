export {
  type CreditsContextValue,
  type CreditsTheme,
  type StripeInput,
  useCreditsContext,
} from './CreditsContext';
export { CreditsProvider, type CreditsProviderProps } from './CreditsProvider';
