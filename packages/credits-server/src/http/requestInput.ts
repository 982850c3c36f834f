export {
  parseRequestBody as parse,
  parseRequestQuery as query,
  readJsonBody as readBody,
} from 'credits-core/server';

/** A stored or fresh outcome as the response: problem+json for a 4xx/5xx. */
export const reply = (
  c: { json: (body: never, status: never, headers?: Record<string, string>) => Response },
  result: { status: number; body: unknown },
) =>
  c.json(
    result.body as never,
    result.status as never,
    result.status >= 400 ? { 'Content-Type': 'application/problem+json' } : undefined,
  );
