/**
 * The URL to link to, or `undefined` when it must stay plain text. Only
 * absolute `http:`/`https:` URLs pass: `javascript:`, `data:`, `vbscript:` in
 * any case or obfuscation (whitespace, entities), protocol-relative and
 * malformed URLs never become links. Returns the parsed, normalised `href`.
 */
export function safeHttpUrl(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  // Control characters and whitespace inside a URL are an obfuscation sign; URL() would strip them.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (text === '' || /[\u0000-\u001f\u007f\s]/.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!/^https?:\/\//i.test(text) || url.hostname === '') return undefined;
  return url.href;
}
