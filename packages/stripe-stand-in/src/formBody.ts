/**
 * Stripe's request bodies and queries are form-encoded with brackets for nesting
 * (`metadata[purchaseId]=…`, `invoice_settings[default_payment_method]=…`, `expand[0]=…`;
 * https://docs.stripe.com/api, "Request"). Read flat: a key's value, or a nested object's.
 */
export type FormFields = Record<string, string>;

export const parseForm = (text: string): FormFields =>
  Object.fromEntries(new URLSearchParams(text));

/** The entries under `prefix[…]` as an object: `metadata[a]=1` → `{ a: '1' }`. */
export function formObject(fields: FormFields, prefix: string): Record<string, string> {
  const head = `${prefix}[`;
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([key]) => key.startsWith(head) && key.endsWith(']'))
      .map(([key, value]) => [key.slice(head.length, -1), value]),
  );
}
