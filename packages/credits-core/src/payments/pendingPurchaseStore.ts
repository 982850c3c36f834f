/**
 * What must survive a page reload while a payment is under way: the attempt's
 * Idempotency-Key and request (so a purchase whose creation was in flight is
 * replayed, never created twice) and, once known, the purchase id (so polling
 * resumes instead of offering to pay again).
 */
export interface PendingPurchase {
  idempotencyKey: string;
  packageId: string;
  /** Saved card the attempt pays with; absent for a new card (its details are never stored). */
  paymentMethodId?: string;
  savePaymentMethod?: boolean;
  purchaseId?: string;
}

export interface PendingPurchaseStore {
  get(): PendingPurchase | null;
  set(pending: PendingPurchase): void;
  clear(): void;
}

/** The subset of the Web Storage API the store needs (`sessionStorage`, `localStorage`). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const isPending = (value: unknown): value is PendingPurchase => {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  const optionalString = (field: unknown) => field === undefined || typeof field === 'string';
  return (
    typeof record.idempotencyKey === 'string' &&
    record.idempotencyKey !== '' &&
    typeof record.packageId === 'string' &&
    optionalString(record.paymentMethodId) &&
    optionalString(record.purchaseId) &&
    (record.savePaymentMethod === undefined || typeof record.savePaymentMethod === 'boolean')
  );
};

/**
 * A pending-purchase store over Web Storage, under one key per account. Storage
 * that throws (private mode, quota, disabled) or holds anything unexpected
 * behaves as empty: the flow then works as before, without resume.
 */
export function createStoragePendingPurchaseStore(
  storage: StorageLike | undefined,
  key: string,
): PendingPurchaseStore {
  return {
    get() {
      try {
        const raw = storage?.getItem(key);
        const value: unknown = raw ? JSON.parse(raw) : null;
        return isPending(value) ? value : null;
      } catch {
        return null;
      }
    },
    set(pending) {
      try {
        storage?.setItem(key, JSON.stringify(pending));
      } catch {
        // Not persisted: a reload then cannot resume, but nothing else changes.
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to clear.
      }
    },
  };
}
