import { HttpResponse, http, type RequestHandler } from 'msw';

/**
 * A server that is down for the first GET of `path` (under /api/credits/v1)
 * each time the story loads — a 500 `internal_error`, as credits-msw's
 * `serverError` scenario answers — and then answers from `handlers`. Spread it
 * into a story: its play sees the error, presses Retry, and sees the widget recover.
 */
export function serverErrorThenRecovery(path: string, handlers: readonly RequestHandler[]) {
  let failed = false;
  return {
    beforeEach: () => {
      failed = false;
    },
    parameters: {
      msw: {
        handlers: [
          http.get(`*/api/credits/v1${path}`, () => {
            if (failed) return undefined; // recovered: on to `handlers`
            failed = true;
            return HttpResponse.json(
              {
                type: 'about:blank',
                title: 'Internal server error',
                status: 500,
                code: 'internal_error',
              },
              { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
            );
          }),
          ...handlers,
        ],
      },
    },
  };
}
