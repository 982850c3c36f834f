import { randomBytes } from 'node:crypto';
import { type StartedCreditsServer, startCreditsServer } from 'credits-server';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_AUDIENCE, DEMO_ISSUER } from '../vite-app/hostSession';
import { type PreviewedExample, type PreviewOptions, previewExample } from './previewExample';

export interface PreviewWithCreditsServer {
  readonly app: PreviewedExample;
  /** Every credits-server instance started; the example's proxy forwards to the last one. */
  readonly servers: readonly StartedCreditsServer[];
  /** The Server API's secret key every instance accepts. */
  readonly apiKey: string;
}

/**
 * For an e2e test file: before its tests, credits-server (embedded
 * PostgreSQL, sandbox payments, the seeded demo account) and the example built
 * and served against it; after them, both stopped. Read `.app` in the tests.
 */
export function previewWithCreditsServer(
  exampleDir: URL,
  {
    signIn = 'demo',
    instances = 1,
    databaseUrl,
    ...options
  }: Omit<PreviewOptions, 'creditsApi'> & {
    /**
     * `host`: the example signs its user in as a host does (its server's `GET /session`, see
     * examples/vite-app/hostSession.ts) and the API verifies the tokens. `demo`: the bearer
     * token is the account id.
     */
    signIn?: 'host' | 'demo';
    /** How many instances to start on the one database (more than one needs `databaseUrl`). */
    instances?: number;
    /** A PostgreSQL URL, read when the servers start; without it, embedded PGlite. */
    databaseUrl?: () => string;
  } = {},
): PreviewWithCreditsServer {
  if (instances > 1 && !databaseUrl)
    throw new Error('previewWithCreditsServer: instances on one database need a databaseUrl');
  let servers: StartedCreditsServer[] = [];
  let app: PreviewedExample | undefined;
  // The Server API's key: the example's own server side meters with it (hostGenerate.ts).
  const apiKey = `sk_test_${randomBytes(24).toString('hex')}`;
  beforeAll(async () => {
    const secret = randomBytes(32).toString('hex');
    const start = () =>
      startCreditsServer({
        seedDemo: true,
        serverApiKeys: [apiKey],
        databaseUrl: databaseUrl?.(),
        auth:
          signIn === 'host'
            ? { kind: 'jwt', secret, issuer: DEMO_ISSUER, audience: DEMO_AUDIENCE }
            : { kind: 'demo' },
      });
    // One after the other: the first migrates the database, the others find it migrated.
    for (let index = 0; index < instances; index += 1) servers.push(await start());
    if (signIn === 'host') process.env.CREDITS_JWT_SECRET = secret;
    process.env.CREDITS_API_KEY = apiKey;
    app = await previewExample(exampleDir, { ...options, creditsApi: servers.at(-1)!.origin });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    for (const server of servers) await server.close();
    servers = [];
  });
  return {
    get app() {
      if (!app) throw new Error('previewWithCreditsServer: the example is not served yet');
      return app;
    },
    get servers() {
      return servers;
    },
    apiKey,
  };
}
