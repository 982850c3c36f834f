/** An opaque page cursor: a position and the filters it was issued for, base64url JSON. */
export interface Cursor {
  /** A position: in the oldest-first ledger, or in a ranking. */
  i: number;
  /** The filters the cursor was issued for. */
  f: string;
}

export const encodeCursor = (cursor: Cursor) =>
  btoa(JSON.stringify(cursor)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

export function decodeCursor(text: string): Cursor | undefined {
  try {
    const value = JSON.parse(atob(text.replace(/-/g, '+').replace(/_/g, '/'))) as Cursor;
    return Number.isInteger(value.i) && typeof value.f === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
