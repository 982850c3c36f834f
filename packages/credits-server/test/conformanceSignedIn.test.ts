import { runConformance } from 'credits-conformance';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StartedCreditsServer, startCreditsServer } from '../src/startCreditsServer';
import { startPostgres, type TestPostgres } from './startPostgres';

const SECRET = 'a-host-secret-of-at-least-32-bytes!!';
const auth = {
  kind: 'jwt' as const,
  secret: SECRET,
  issuer: 'https://host.example',
  audience: 'credits-api',
};

/** As deployed: credits-server on a real PostgreSQL, verifying the host's JWTs (no demo sign-in). */
describe('credits-server on PostgreSQL with JWT sign-in', () => {
  let postgres: TestPostgres;
  let server: StartedCreditsServer;
  beforeAll(async () => {
    postgres = await startPostgres();
    server = await startCreditsServer({ databaseUrl: postgres.url, auth });
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await postgres?.stop();
  });

  it('passes the conformance kit, the unauthenticated check included', async () => {
    const token = await new SignJWT({ sub: 'acct_conformance_pg' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(auth.issuer)
      .setAudience(auth.audience)
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(SECRET));
    const report = await runConformance({ baseUrl: server.baseUrl, token });
    expect(
      report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
    ).toEqual([]);
    expect(report.results.find((r) => r.id === 'errors.unauthenticated')?.status).toBe('pass');
    expect(report.passed).toBeGreaterThanOrEqual(20);
  }, 180_000);
});
