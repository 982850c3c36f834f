import type { PurchaseStatus } from './schemas/purchase.js';

/** Statuses after which a purchase never changes again. */
export function isPurchaseSettled(status: PurchaseStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'canceled';
}
