import { afterAll, beforeAll } from 'vitest';
import {
  type StartCreditsServerOptions,
  type StartedCreditsServer,
  startCreditsServer,
} from '../src/startCreditsServer';
import { TEST_API_KEY } from './serverApiKey';
import { queryPostgres, startPostgres, type TestPostgres } from './startPostgres';

export interface InstancesOnPostgres {
  /** The running instances, in start order (filled before the file's first test). */
  readonly servers: StartedCreditsServer[];
  /** The database's URL (once started). */
  readonly url: string;
  /** One statement on its own connection, on this database unless another URL is given. */
  query(text: string, values?: unknown[], url?: string): ReturnType<typeof queryPostgres>;
}

/**
 * A real PostgreSQL and `count` credits-server instances on that one database (pool of 10,
 * the test Server API key), started before the calling file's tests and stopped after them.
 * `options` are each instance's other settings.
 */
export function instancesOnPostgres(
  options: Omit<StartCreditsServerOptions, 'databaseUrl'> = {},
  count = 2,
): InstancesOnPostgres {
  let postgres: TestPostgres | undefined;
  const servers: StartedCreditsServer[] = [];
  beforeAll(async () => {
    postgres = await startPostgres();
    for (let i = 0; i < count; i += 1)
      servers.push(
        await startCreditsServer({
          databaseUrl: postgres.url,
          poolSize: 10,
          serverApiKeys: [TEST_API_KEY],
          ...options,
        }),
      );
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await postgres?.stop();
  });
  const url = () => {
    if (!postgres) throw new Error('PostgreSQL is not started yet: use it inside a test');
    return postgres.url;
  };
  return {
    servers,
    get url() {
      return url();
    },
    query: (text, values = [], at = url()) => queryPostgres(at, text, values),
  };
}
