/**
 * Where a payment under way is remembered across a page reload: this tab's
 * session storage, one entry per account (another account never resumes it).
 * Storage can be missing (server render) or throw (disabled, sandboxed frame).
 */
export function pendingPurchaseStorage(account: string) {
  let storage: Storage | undefined;
  try {
    storage = typeof window === 'undefined' ? undefined : window.sessionStorage;
  } catch {
    storage = undefined;
  }
  const key = `credits:pending-purchase:${account}`;
  return {
    storage,
    key,
    /** Cheap check on page load; the purchase flow validates the entry itself. */
    has(): boolean {
      try {
        return Boolean(storage?.getItem(key));
      } catch {
        return false;
      }
    },
  };
}
