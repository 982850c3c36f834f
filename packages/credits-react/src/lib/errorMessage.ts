import { isCreditsError } from 'credits-core';
import type { CommonLabels } from '../labels/CreditsLabels.js';

/** Why something failed, in the user's words: the label for the error's code, else the default. */
export function errorMessage(error: unknown, labels: CommonLabels): string {
  const code = isCreditsError(error) ? error.code : undefined;
  return (code && labels.errors[code as keyof CommonLabels['errors']]) || labels.errors.default;
}
