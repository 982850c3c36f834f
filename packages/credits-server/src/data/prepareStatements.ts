import type pg from 'pg';

type Callback = (error: Error | null, result?: unknown) => void;
type Query = (config: unknown, values?: unknown, callback?: Callback) => unknown;

/**
 * node-postgres sends each parameterised query unnamed, so PostgreSQL parses and plans it
 * every time: about 40% of PostgreSQL's CPU per debit (scripts/bench/ledger.ts). Naming a
 * statement after its text makes the connection prepare it once and reuse it, as postgres.js
 * and pgx do by default.
 *
 * At most `limit` names per connection, as a few queries (the history filters) vary their
 * text. A column added under a running server breaks a prepared `SELECT *` once ("cached
 * plan must not change result type", 0A000): that text is then prepared afresh.
 */
export function prepareStatements(client: pg.PoolClient, limit = 100): void {
  const names = new Map<string, string>();
  let prepared = 0;
  const query = client.query.bind(client) as Query;

  const nameFor = (config: unknown, values: unknown) => {
    if (!Array.isArray(values) || values.length === 0) return undefined;
    if (!config || typeof config !== 'object' || !('text' in config)) return undefined;
    if ((config as { name?: unknown }).name || 'submit' in config) return undefined;
    const text = String(config.text);
    if (!names.has(text) && names.size < limit) names.set(text, `credits_${++prepared}`);
    return names.get(text);
  };

  client.query = ((config: unknown, values?: unknown, callback?: Callback) => {
    const name = nameFor(config, values);
    if (!name) return query(config, values, callback);
    const text = String((config as { text: string }).text);
    const forget = (error: unknown) => {
      if ((error as { code?: string } | null)?.code === '0A000') names.delete(text);
    };
    const named = { ...(config as object), name };
    if (callback) {
      return query(named, values, (error, result) => {
        forget(error);
        callback(error, result);
      });
    }
    return (query(named, values) as Promise<unknown>).catch((error: unknown) => {
      forget(error);
      throw error;
    });
  }) as typeof client.query;
}
