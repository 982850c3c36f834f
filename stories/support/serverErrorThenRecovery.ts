import { HttpResponse, http, type RequestHandler } from 'msw';

/**
 * A server that is down for every GET of `path` (under /api/credits/v1) from
 * the moment the story loads — a 500 `internal_error`, as credits-msw's
 * `serverError` scenario answers — until the play function calls `recover()`;
 * then it answers from `handlers`. Spread `story` into a story: its play sees the
 * error, calls `recover()`, presses Retry, and sees the widget recover. (Down
 * until told, not for one request: any extra request would otherwise see the
 * server up before the story looked.)
 */
export function serverErrorThenRecovery(path: string, handlers: readonly RequestHandler[]) {
  let down = true;
  const story = {
    beforeEach: () => {
      down = true;
    },
    parameters: {
      msw: {
        handlers: [
          http.get(`*/api/credits/v1${path}`, () => {
            if (!down) return undefined; // recovered: on to `handlers`
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
  return {
    story,
    recover: () => {
      down = false;
    },
  };
}
