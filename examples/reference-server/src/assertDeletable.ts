import { ProblemError } from './ProblemError.js';

/**
 * The contract's rule for deleting a saved card, shared by the database and Stripe stores:
 * the card must exist, and deleting the default while others remain must name another saved
 * card as the new default. Returns the new default to set, if one must move.
 */
export function assertDeletable(
  methods: readonly { id: string; isDefault: boolean }[],
  id: string,
  newDefaultId: string | undefined,
): string | undefined {
  const target = methods.find((method) => method.id === id);
  if (!target) throw new ProblemError(404, 'not_found', 'No such payment method');
  const rest = methods.filter((method) => method.id !== id);
  if (!target.isDefault || rest.length === 0) return undefined;
  if (!newDefaultId) {
    throw new ProblemError(
      409,
      'default_payment_method_required',
      'Default payment method required',
      'Name the new default (newDefaultId) to delete the default payment method.',
    );
  }
  if (!rest.some((method) => method.id === newDefaultId)) {
    throw ProblemError.invalid(
      'newDefaultId',
      'Invalid newDefaultId',
      'newDefaultId must be another saved payment method.',
    );
  }
  return newDefaultId;
}
