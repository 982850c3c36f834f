import type { CreditsClient } from 'credits-core';
import { createContext, useContext } from 'react';
import type { CreditsLabels } from '../labels';

export type CreditsTheme = 'light' | 'dark' | 'system';

export interface CreditsContextValue {
  client: CreditsClient;
  /** Scopes every cache key: another signed-in account never reads this one's data. */
  account: string;
  locale: string | undefined;
  timeZone: string | undefined;
  labels: CreditsLabels;
  theme: CreditsTheme;
}

export const CreditsContext = createContext<CreditsContextValue | null>(null);

/** The provider's value; `hookName` makes the error say which hook was called where. */
export function useCreditsContext(hookName: string): CreditsContextValue {
  const value = useContext(CreditsContext);
  if (!value) throw new Error(`${hookName} must be used inside <CreditsProvider>`);
  return value;
}
