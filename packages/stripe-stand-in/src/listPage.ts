import type Stripe from 'stripe';
import { invalidRequest } from './stripeErrors.js';

/**
 * One page of a list, as https://docs.stripe.com/api/pagination describes it: objects newest
 * first, `limit` between 1 and 100 (default 10), `starting_after` / `ending_before` an object id
 * of the list (a cursor not in it: 404 in Stripe; here too), `has_more` when more follow.
 * `newestFirst` must already be in that order.
 */
export function listPage<T extends { id: string }>(
  newestFirst: readonly T[],
  params: { limit?: string; starting_after?: string; ending_before?: string },
  url: string,
): Stripe.ApiList<T> {
  const limit = params.limit === undefined ? 10 : Number(params.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw invalidRequest(
      limit > 100
        ? 'This value must be less than or equal to 100.'
        : 'This value must be greater than or equal to 1.',
      { param: 'limit' },
    );
  }
  const cursor = params.starting_after ?? params.ending_before;
  const at = cursor === undefined ? -1 : newestFirst.findIndex((item) => item.id === cursor);
  if (cursor !== undefined && at < 0) {
    throw invalidRequest(`No such object: '${cursor}'`, {
      code: 'resource_missing',
      param: params.starting_after !== undefined ? 'starting_after' : 'ending_before',
    });
  }
  if (params.ending_before !== undefined) {
    // The page just before the cursor (newer objects), still newest first.
    const before = newestFirst.slice(0, at);
    const data = before.slice(Math.max(0, before.length - limit));
    return { object: 'list', data, has_more: before.length > data.length, url };
  }
  const after = newestFirst.slice(at + 1);
  const data = after.slice(0, limit);
  return { object: 'list', data, has_more: after.length > data.length, url };
}
