import type { PaymentFailure } from 'credits-core';
import type { FlowError } from 'credits-core/payments';
import type { CommonLabels, PaymentLabels } from '../labels/CreditsLabels.js';
import { errorMessage } from '../lib/errorMessage.js';

/**
 * What a payment flow (buying credits, saving a card) tells the user when it
 * did not go through: the bank's decline in our words, or why it failed.
 * `undefined` while there is nothing to say.
 */
export function flowMessage(
  state: { status: string; failure?: PaymentFailure } | FlowError,
  labels: CommonLabels & PaymentLabels,
): string | undefined {
  if (state.status === 'declined' && 'failure' in state && state.failure)
    return labels.declines[state.failure.code] ?? state.failure.message;
  if (state.status !== 'error' || !('error' in state)) return undefined;
  return state.error.code === 'forbidden'
    ? labels.notAllowedToBuy
    : errorMessage(state.error, labels);
}
