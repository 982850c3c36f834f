import { afterAll, beforeAll } from 'vitest';
import {
  type ReferenceServer,
  startReferenceServer,
} from '../reference-server/src/startReferenceServer';
import { type PreviewedExample, type PreviewOptions, previewExample } from './previewExample';

/**
 * For an e2e test file: before its tests, the reference server (embedded
 * PostgreSQL, sandbox payments, the seeded demo account) and the example built
 * and served against it; after them, both stopped. Read `.app` in the tests.
 */
export function previewWithReferenceServer(
  exampleDir: URL,
  options: Omit<PreviewOptions, 'creditsApi'> = {},
): { readonly app: PreviewedExample } {
  let api: ReferenceServer | undefined;
  let app: PreviewedExample | undefined;
  beforeAll(async () => {
    api = await startReferenceServer({ seedDemo: true });
    app = await previewExample(exampleDir, { ...options, creditsApi: api.origin });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await api?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('previewWithReferenceServer: the example is not served yet');
      return app;
    },
  };
}
