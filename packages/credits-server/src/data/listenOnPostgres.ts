import pg from 'pg';

/**
 * LISTEN on its own connection (a pooled one would be handed to other queries): payloads go to
 * `onPayload`. A lost connection is opened again after a second, LISTENing again; what was
 * notified meanwhile is not replayed (browsers resume from the ledger with Last-Event-ID).
 */
export async function listenOnPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const open = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload) onPayload(message.payload);
    });
    next.on('error', (error) => {
      console.warn(`postgres listener: ${error.message}`);
      if (client === next && !stopped) {
        client = undefined;
        next.end().catch(() => undefined);
        retry = setTimeout(() => void open().catch(() => undefined), 1_000);
      }
    });
    await next.connect();
    await next.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    client = next;
  };
  await open();
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
