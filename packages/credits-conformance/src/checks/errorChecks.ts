import { CheckSkipped, ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import type { HttpResponse } from '../createHttp.js';

/** A `validation_failed` problem whose `errors[]` names `field` (CONTRACT.md, Errors). */
export function expectInvalid(
  context: CheckContext,
  response: HttpResponse,
  field: string,
  status = 400,
) {
  context.expectProblem(response, status, 'validation_failed');
  const errors = (response.json as { errors?: unknown }).errors;
  ensure(
    Array.isArray(errors) &&
      errors.some(
        (error: { path?: unknown; message?: unknown }) =>
          typeof error?.path === 'string' &&
          error.path.toLowerCase() === field.toLowerCase() &&
          typeof error.message === 'string',
      ),
    `validation_failed must name the field in errors[] ({ path: "${field}", message }), got ${JSON.stringify(errors) ?? 'none'}`,
    response,
  );
}

async function firstPackageId(context: CheckContext) {
  const packages = await context.http('GET', '/packages');
  return (packages.json as { data?: { id: string }[] })?.data?.[0]?.id ?? 'pkg';
}

export const errorChecks: Check[] = [
  {
    id: 'errors.notFound',
    title: 'An unknown purchase is a 404 problem with code not_found',
    async run(context) {
      context.expectProblem(
        await context.http('GET', '/purchases/conformance-no-such-purchase'),
        404,
        'not_found',
      );
    },
  },
  {
    id: 'errors.unknownRoute',
    title: 'An unknown route is a 404 problem, not a 200 or an HTML page',
    async run(context) {
      context.expectProblem(await context.http('GET', '/conformance-no-such-route'), 404);
    },
  },
  {
    id: 'errors.validation',
    title: 'A purchase or card setup without Idempotency-Key is a 400 validation_failed naming it',
    async run(context) {
      const packageId = await firstPackageId(context);
      expectInvalid(
        context,
        await context.http('POST', '/purchases', { body: { packageId } }),
        'Idempotency-Key',
      );
      expectInvalid(context, await context.http('POST', '/setup-intents'), 'Idempotency-Key');
      expectInvalid(
        context,
        await context.http('POST', '/setup-intents', {
          headers: { 'Idempotency-Key': 'k'.repeat(256) },
        }),
        'Idempotency-Key',
      );
    },
  },
  {
    id: 'errors.contentType',
    title: 'A JSON body sent as text/plain is refused with 415, never acted on',
    async run(context) {
      // A browser sends text/plain cross-site without asking first: accepting it lets any
      // page buy with a signed-in user's cookie.
      const packageId = await firstPackageId(context);
      const response = await context.http('POST', '/purchases', {
        body: { packageId },
        headers: { 'Idempotency-Key': context.key(), 'Content-Type': 'text/plain' },
      });
      expectInvalid(context, response, 'Content-Type', 415);
    },
  },
  {
    id: 'errors.invalidQuery',
    title: 'Dates that are not RFC 3339 (no time, 31 February) and an over-long search are 400s',
    async run(context) {
      // A backend that reads 2026-02-31 as 3 March silently filters another day.
      for (const [path, name, value] of [
        ['/transactions', 'from', '2026-01-01'],
        ['/transactions', 'from', '2026-02-31T00:00:00Z'],
        ['/transactions', 'to', '2026-11-24 09:30:00'],
        ['/transactions', 'search', 'x'.repeat(201)],
        ['/usage/websites', 'from', '2026-02-31T00:00:00Z'],
      ] as const) {
        expectInvalid(context, await context.http('GET', path, { query: { [name]: value } }), name);
      }
    },
  },
  {
    id: 'errors.unauthenticated',
    title: 'A request without credentials is a 401 problem with code unauthenticated',
    async run(context) {
      if (!context.options.token && !context.options.headers) {
        throw new CheckSkipped(
          'no --token or headers given, so there are no credentials to leave out',
        );
      }
      context.expectProblem(
        await context.http('GET', '/balance', { auth: false }),
        401,
        'unauthenticated',
      );
    },
  },
];
