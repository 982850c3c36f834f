import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../src/createDatabase';
import { type ReferenceServer, startReferenceServer } from '../src/startReferenceServer';
import { toProblem } from '../src/toProblem';
import { startPostgres, type TestPostgres } from './startPostgres';

describe('every request has a deadline', () => {
  let server: ReferenceServer;
  let release = () => {};
  beforeAll(async () => {
    server = await startReferenceServer({
      requestTimeoutMs: 300,
      // A sign-in hook that hangs (an identity provider that never answers) until released.
      auth: {
        kind: 'custom',
        resolveAccount: (request) =>
          request.headers.get('authorization') === 'Bearer hang'
            ? new Promise((resolve) => {
                release = () => resolve('acct_hang');
              })
            : 'acct_quick',
      },
    });
  }, 60_000);
  afterAll(async () => {
    release();
    await server?.close();
  });

  it('answers 503 service_unavailable with Retry-After past it, and other users are served', async () => {
    const hung = await fetch(`${server.baseUrl}/balance`, {
      headers: { Authorization: 'Bearer hang' },
    });
    expect(hung.status).toBe(503);
    expect(hung.headers.get('retry-after')).toBe('1');
    expect(await hung.json()).toMatchObject({ code: 'service_unavailable' });
    const quick = await fetch(`${server.baseUrl}/balance`, {
      headers: { Authorization: 'Bearer quick' },
    });
    expect(quick.status).toBe(200);
  });
});

describe('PostgreSQL cancels a statement over statement_timeout', () => {
  let postgres: TestPostgres;
  let database: DatabaseHandle;
  beforeAll(async () => {
    postgres = await startPostgres();
    database = await createDatabase({ url: postgres.url, statementTimeoutMs: 200 });
  }, 120_000);
  afterAll(async () => {
    await database?.close();
    await postgres?.stop();
  });

  it('a slow statement fails as query_canceled, which the API answers as a retryable 503', async () => {
    const error = await database.db.execute(sql`SELECT pg_sleep(10)`).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).not.toBeNull();
    const problem = toProblem(error);
    expect(problem.toJSON()).toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(problem.headers).toEqual({ 'Retry-After': '1' });
    // The connection is usable again straight away.
    const again = (await database.db.execute(sql`SELECT 1 AS one`)) as { rows?: unknown[] };
    expect(again.rows).toEqual([{ one: 1 }]);
  });
});
