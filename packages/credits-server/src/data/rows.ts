import type { SQL } from 'drizzle-orm';
import type { Database } from './createDatabase.js';

/** Anything that runs a statement: the database, or a transaction inside it. */
export type Executor = Pick<Database, 'execute'>;
export type Row = Record<string, unknown>;

/** Runs one statement and returns its rows (the same shape on PGlite and node-postgres). */
export async function rows(executor: Executor, query: SQL): Promise<Row[]> {
  const result = (await executor.execute(query)) as unknown as { rows: Row[] };
  return result.rows;
}

/** The first row a statement returns, or undefined when it returns none. */
export async function firstRow(executor: Executor, query: SQL): Promise<Row | undefined> {
  return (await rows(executor, query))[0];
}

export const num = (value: unknown) =>
  value === null || value === undefined ? null : Number(value);
export const iso = (value: unknown) => new Date(value as string).toISOString();
