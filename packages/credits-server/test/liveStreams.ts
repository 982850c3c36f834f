import { createCreditsClient } from 'credits-core';
import { createParser } from 'eventsource-parser';
import { postUsage } from './serverApiKey';

export interface ReceivedEvent {
  event: string;
  id: string | undefined;
  data: Record<string, unknown>;
}

/** A browser's view of `GET /events`: every event and comment received, read with fetch. */
export interface OpenedStream {
  status: number;
  response: Response;
  events: ReceivedEvent[];
  comments: number;
  /** Resolves with the first event (seen or to come) matching, or rejects after `timeoutMs`. */
  next(match: (event: ReceivedEvent) => boolean, timeoutMs?: number): Promise<ReceivedEvent>;
  close(): void;
}

export async function openStream(
  baseUrl: string,
  account: string,
  lastEventId?: string,
): Promise<OpenedStream> {
  const controller = new AbortController();
  const headers: Record<string, string> = {
    Authorization: `Bearer ${account}`,
    Accept: 'text/event-stream',
  };
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  const response = await fetch(`${baseUrl}/events`, { headers, signal: controller.signal });
  const waiters = new Set<() => void>();
  const stream: OpenedStream = {
    status: response.status,
    response,
    events: [],
    comments: 0,
    next(match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = stream.events.find(match);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such event in ${timeoutMs} ms: ${JSON.stringify(stream.events)}`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
  if (response.ok && response.body) {
    const parser = createParser({
      onEvent: (message) => {
        stream.events.push({
          event: message.event ?? 'message',
          id: message.id,
          data: JSON.parse(message.data) as Record<string, unknown>,
        });
        for (const waiter of [...waiters]) waiter();
      },
      onComment: () => {
        stream.comments += 1;
        for (const waiter of [...waiters]) waiter();
      },
    });
    void (async () => {
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          parser.feed(value);
        }
      } catch {
        // Aborted by close().
      }
    })();
  }
  return stream;
}

/** Buys 10,000 credits for the account in the sandbox: its ledger then has one row. */
export async function fund(baseUrl: string, account: string) {
  const client = createCreditsClient({ baseUrl, headers: { Authorization: `Bearer ${account}` } });
  const intent = await client.createSetupIntent();
  const card = (
    await client.sandbox.confirmSetupIntent(intent.id, { paymentMethod: 'pm_card_visa' })
  ).paymentMethod!;
  await client.createPurchase({ packageId: 'pkg_10k', paymentMethodId: card.id });
  return { client, card };
}

let keys = 0;
/**
 * Spends through the Server API, as the host's backend does. `account` is the demo sign-in's
 * token; the account it signs in as is `acct_<token>`.
 */
export function spend(baseUrl: string, account: string, credits: number) {
  return postUsage(baseUrl, `acct_${account}`, `live-${process.pid}-${++keys}`, {
    credits,
    description: 'Website generation',
  });
}
