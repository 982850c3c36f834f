import { getResponse, type RequestHandler } from 'msw';

/** A `fetch`-shaped function over MSW handlers: what a real HTTP server needs to serve them. */
export type FetchHandler = (request: Request) => Promise<Response>;

export function createFetchHandler(handlers: RequestHandler[]): FetchHandler {
  return async (request) =>
    (await getResponse(handlers, request)) ??
    Response.json(
      { type: 'about:blank', title: 'Not found', status: 404, code: 'not_found' },
      { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
    );
}
