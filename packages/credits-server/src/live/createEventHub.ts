import type { CreditsEvent } from 'credits-core';
import { ProblemError } from 'credits-core/server';
import type { CreditsService } from '../createCreditsService.js';
import type { DatabaseHandle } from '../data/createDatabase.js';

/** The channel migrations/008_live_events.sql notifies on. */
export const EVENTS_CHANNEL = 'credits_events';

export interface EventHubOptions {
  /** Streams one account may hold open on this instance; one more answers 429. Default 5. */
  maxStreamsPerAccount?: number;
  /** A comment line to every open stream this often, so proxies keep it. Default 15 000 ms. */
  heartbeatMs?: number;
  /** Rows a resume replays at most; further behind, `ready` shows the gap. Default 100. */
  maxReplay?: number;
}

interface Stream {
  send(frame: string): void;
  /** Frames held back while the stream replays, or undefined once it is live. */
  held: string[] | undefined;
  end(): void;
}

const encoder = new TextEncoder();
const frame = (event: CreditsEvent) => {
  const { type, ...data } = event;
  return `id: ${data.seq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
};

/**
 * The instance's live streams. One LISTEN (on its own connection) feeds every stream of every
 * account: a notification is read once per account that has a stream here — the row and the
 * balance, the purchase, the cards or the auto-recharge document — and written to each of them.
 * An idle stream costs a map entry and its share of one heartbeat timer; nothing polls.
 */
export function createEventHub(
  service: CreditsService,
  database: Pick<DatabaseHandle, 'listen'>,
  options: EventHubOptions = {},
) {
  const maxStreams = options.maxStreamsPerAccount ?? 5;
  const maxReplay = options.maxReplay ?? 100;
  const streams = new Map<string, Set<Stream>>();
  let unlisten: (() => Promise<void>) | undefined;

  const heartbeat = setInterval(() => {
    for (const set of streams.values()) for (const stream of set) stream.send(': ping\n\n');
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref?.();

  function publish(account: string, frames: string) {
    for (const stream of streams.get(account) ?? []) {
      if (stream.held) stream.held.push(frames);
      else stream.send(frames);
    }
  }

  const seqOf = async (account: string) => (await service.ledgerSeq(account)) ?? 0;

  async function balanceFrame(account: string): Promise<string> {
    // The figures and their seq from one row: the event says exactly which ledger row it is after.
    const { seq, balance } = await service.balanceAt(account);
    return frame({ type: 'balance', seq, balance });
  }

  async function onNotification(payload: string) {
    let kind: unknown;
    let account: unknown;
    let key: unknown;
    try {
      [kind, account, key] = JSON.parse(payload) as unknown[];
    } catch {
      return;
    }
    if (typeof account !== 'string' || !streams.has(account)) return;
    try {
      if (kind === 't' && typeof key === 'number') {
        // The row and the balance side by side, not one after the other: an event costs the
        // slower of two reads (the balance, read after the row's commit, is at least as new).
        const [[row], balance] = await Promise.all([
          service.ledgerRowsBetween(account, key - 1, key),
          balanceFrame(account),
        ]);
        if (!row) return;
        const transaction = frame({
          type: 'transaction',
          seq: key,
          transaction: service.toTransaction(row),
        });
        publish(account, transaction + balance);
      } else if (kind === 'p' && typeof key === 'string') {
        const [seq, purchase] = await Promise.all([
          seqOf(account),
          service.getPurchase(account, key),
        ]);
        publish(account, frame({ type: 'purchase', seq, purchase }));
      } else if (kind === 'm') {
        const [seq, paymentMethods] = await Promise.all([
          seqOf(account),
          service.listMethods(account),
        ]);
        publish(account, frame({ type: 'payment-methods', seq, paymentMethods }));
      } else if (kind === 'a') {
        const [seq, autoRecharge] = await Promise.all([
          seqOf(account),
          service.getAutoRecharge(account),
        ]);
        publish(account, frame({ type: 'auto-recharge', seq, autoRecharge }));
      }
    } catch (error) {
      // A stream that missed an event sees the gap in the next row's seq and refetches.
      console.warn(`live event for ${account} not sent: ${(error as Error).message}`);
    }
  }

  /** `Last-Event-ID`: a ledger sequence number in decimal, else 400. */
  function parseLastEventId(header: string | undefined): number | undefined {
    if (header === undefined || header === '') return undefined;
    if (!/^\d{1,15}$/.test(header))
      throw ProblemError.invalid(
        'Last-Event-ID',
        'Invalid Last-Event-ID',
        'Last-Event-ID must be the id of an event this stream sent: a ledger sequence number.',
      );
    return Number(header);
  }

  return {
    /** Starts listening; call once, before the first stream. */
    async start() {
      unlisten = await database.listen(EVENTS_CHANNEL, (payload) => void onNotification(payload));
    },

    /** `GET /events` for a signed-in account. */
    async open(account: string, lastEventIdHeader: string | undefined, signal: AbortSignal) {
      const lastEventId = parseLastEventId(lastEventIdHeader);
      const set = streams.get(account) ?? new Set<Stream>();
      if (set.size >= maxStreams)
        throw new ProblemError(
          429,
          'rate_limited',
          'Too many event streams',
          `At most ${maxStreams} streams per account at once: close another tab's stream or poll.`,
          { 'Retry-After': '30' },
        );
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start: (c) => {
          controller = c;
        },
        cancel: () => stream.end(),
      });
      const stream: Stream = {
        held: [],
        send(text) {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            stream.end();
          }
        },
        end() {
          set.delete(stream);
          if (set.size === 0 && streams.get(account) === set) streams.delete(account);
          signal.removeEventListener('abort', stream.end);
          try {
            controller.close();
          } catch {
            // Already closed or cancelled.
          }
        },
      };
      // Registered before the ledger is read: whatever commits from here on is held, then sent.
      set.add(stream);
      streams.set(account, set);
      signal.addEventListener('abort', stream.end, { once: true });
      try {
        const seq = (await service.ledgerSeq(account)) ?? 0;
        if (lastEventId !== undefined && lastEventId > seq)
          throw ProblemError.invalid(
            'Last-Event-ID',
            'Invalid Last-Event-ID',
            'Last-Event-ID is ahead of this account’s ledger.',
          );
        let replay = '';
        if (lastEventId !== undefined && seq - lastEventId <= maxReplay) {
          for (const row of await service.ledgerRowsBetween(account, lastEventId, seq)) {
            const transaction = service.toTransaction(row);
            replay += frame({ type: 'transaction', seq: Number(row.seq), transaction });
          }
        }
        stream.send(`${replay}${frame({ type: 'ready', seq })}${await balanceFrame(account)}`);
        const held = stream.held ?? [];
        stream.held = undefined;
        // Rows this stream already has (replayed, or before `ready`) the client skips by seq.
        for (const text of held) stream.send(text);
      } catch (error) {
        stream.end();
        throw error;
      }
      return new Response(body, {
        headers: {
          'Content-Type': 'text/event-stream; charset=utf-8',
          'Cache-Control': 'no-store',
          'X-Accel-Buffering': 'no',
        },
      });
    },

    /** Streams open on this instance, per account (for tests and metrics). */
    count: (account?: string) =>
      account === undefined
        ? [...streams.values()].reduce((sum, set) => sum + set.size, 0)
        : (streams.get(account)?.size ?? 0),

    /** Ends every stream and stops listening. */
    async close() {
      clearInterval(heartbeat);
      for (const set of [...streams.values()]) for (const stream of [...set]) stream.end();
      await unlisten?.();
    },
  };
}

export type EventHub = ReturnType<typeof createEventHub>;
