import { type ClassValue, clsx } from 'clsx';

/**
 * Joins class names; the host's `className` goes last. Our CSS lives in a
 * cascade layer, so host rules win without a runtime class merger.
 */
export function cn(...values: ClassValue[]): string {
  return clsx(values);
}
