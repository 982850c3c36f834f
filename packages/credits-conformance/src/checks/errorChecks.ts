import { CheckSkipped } from '../CheckFailure.js';
import type { Check } from '../createCheckContext.js';

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
    title: 'A purchase without Idempotency-Key is a 400 validation_failed problem',
    async run(context) {
      const packages = await context.http('GET', '/packages');
      const packageId = (packages.json as { data?: { id: string }[] })?.data?.[0]?.id ?? 'pkg';
      context.expectProblem(
        await context.http('POST', '/purchases', { body: { packageId } }),
        400,
        'validation_failed',
      );
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
