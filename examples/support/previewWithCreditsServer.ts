import { randomBytes } from 'node:crypto';
import { type StartedCreditsServer, startCreditsServer } from 'credits-server';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_AUDIENCE, DEMO_ISSUER } from '../vite-app/hostSession';
import { type PreviewedExample, type PreviewOptions, previewExample } from './previewExample';

/**
 * For an e2e test file: before its tests, credits-server (embedded
 * PostgreSQL, sandbox payments, the seeded demo account) and the example built
 * and served against it; after them, both stopped. Read `.app` in the tests.
 */
export function previewWithCreditsServer(
  exampleDir: URL,
  {
    signIn = 'demo',
    ...options
  }: Omit<PreviewOptions, 'creditsApi'> & {
    /**
     * `host`: the example signs its user in as a host does (its server's `GET /session`, see
     * examples/vite-app/hostSession.ts) and the API verifies the tokens. `demo`: the bearer
     * token is the account id.
     */
    signIn?: 'host' | 'demo';
  } = {},
): { readonly app: PreviewedExample } {
  let api: StartedCreditsServer | undefined;
  let app: PreviewedExample | undefined;
  beforeAll(async () => {
    const secret = randomBytes(32).toString('hex');
    // The Server API's key: the example's own server side meters with it (hostGenerate.ts).
    const apiKey = `sk_test_${randomBytes(24).toString('hex')}`;
    api = await startCreditsServer({
      seedDemo: true,
      serverApiKeys: [apiKey],
      auth:
        signIn === 'host'
          ? { kind: 'jwt', secret, issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE }
          : { kind: 'demo' },
    });
    if (signIn === 'host') process.env.CREDITS_JWT_SECRET = secret;
    process.env.CREDITS_API_KEY = apiKey;
    app = await previewExample(exampleDir, { ...options, creditsApi: api.origin });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await api?.close();
  });
  return {
    get app() {
      if (!app) throw new Error('previewWithCreditsServer: the example is not served yet');
      return app;
    },
  };
}
