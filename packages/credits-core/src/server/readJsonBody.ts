import { ProblemError } from './problemError.js';
import { mediaTypeProblem } from './requestValidation.js';

/** The largest request body the API reads (the contract's bodies are a few hundred bytes). */
export const MAX_BODY_BYTES = 64 * 1024;

/** How deeply a request body may nest (the contract's bodies nest one level). */
export const MAX_BODY_DEPTH = 16;

/**
 * Where a parsed body breaks the rules every backend stores by: a string with a NUL character
 * (PostgreSQL's text cannot hold one) or nesting deeper than MAX_BODY_DEPTH. Returns the path
 * and the reason, or undefined. Walks no deeper than the limit, so a hostile body costs little.
 */
export function unstorableValue(
  value: unknown,
  path = '',
  depth = 0,
): { path: string; message: string } | undefined {
  if (typeof value === 'string') {
    return value.includes('\u0000')
      ? { path, message: 'must not contain NUL characters' }
      : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (depth >= MAX_BODY_DEPTH)
    return { path, message: `must not nest deeper than ${MAX_BODY_DEPTH} levels` };
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return { path, message: 'must not contain NUL characters' };
    const found = unstorableValue(inner, path ? `${path}.${key}` : key, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** A URL whose path or query carries a NUL character (`%00`): 400 before anything reads it. */
export function assertNoNulInUrl(url: string): void {
  if (/%00/.test(url) || url.includes('\u0000')) {
    throw ProblemError.invalid('', 'Invalid request', 'The URL must not contain NUL characters.');
  }
}

/**
 * A request's JSON body, as every backend of the contract reads it: `undefined` when empty;
 * 413 past MAX_BODY_BYTES; 415 for another media type (never parsed); 400 for invalid JSON,
 * a NUL character in any string, or nesting deeper than MAX_BODY_DEPTH.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text === '') return undefined;
  if (new TextEncoder().encode(text).byteLength > MAX_BODY_BYTES) throw bodyTooLarge();
  const refused = mediaTypeProblem(request.headers.get('content-type'));
  if (refused) {
    const { status, code, title, detail, errors } = refused;
    throw new ProblemError(status, code, title, detail, undefined, errors);
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new ProblemError(400, 'validation_failed', 'Invalid JSON body');
  }
  const unstorable = unstorableValue(body);
  if (unstorable) throw ProblemError.invalidFields('Invalid request body', [unstorable]);
  return body;
}

/** 413: a body over MAX_BODY_BYTES. */
export const bodyTooLarge = () =>
  new ProblemError(
    413,
    'validation_failed',
    'Request body too large',
    `A request body may have at most ${MAX_BODY_BYTES} bytes.`,
  );
