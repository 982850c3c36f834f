import type {
  Balance,
  CreditsConfig,
  CreditsEvent,
  PaymentMethodList,
  Purchase,
  TransactionPage,
} from 'credits-core';
import type { AutoRecharge } from 'credits-core/auto-recharge';
import { ProblemError } from 'credits-core/server';
import type { CreditsBackend } from './createCreditsBackend.js';

/**
 * How the fake's `GET /events` behaves: `live` streams as the contract says; `dropMidStream`
 * ends the first connection right after its first ledger row (the client resumes with
 * Last-Event-ID); `gap` leaves one row out (the client sees the seq jump and refetches);
 * `slow` sends every frame 1.5 s late; `noStream` offers the stream in `/config` but answers
 * 404 (the client falls back to polling). Without any, `/config` offers no stream.
 */
export type EventStreamBehaviour = 'live' | 'dropMidStream' | 'gap' | 'slow' | 'noStream';

const SLOW_MS = 1_500;
/** Rows a resume replays at most, as credits-server. */
const MAX_REPLAY = 100;
/** How often an open stream looks for changes made on the backend directly (a story's button). */
const WATCH_MS = 100;

const encoder = new TextEncoder();
const frame = (event: CreditsEvent) => {
  const { type, ...data } = event;
  return `id: ${data.seq}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
};

/**
 * The fake's event stream: it compares the backend's state after every request the handlers
 * answer (and every 100 ms while a stream is open) with what it saw before, and streams the
 * difference — new rows with their seq (the count of rows), the balance, purchases whose status
 * moved, the saved cards, the auto-recharge document (where offered).
 */
export function createEventFeed(backend: CreditsBackend, behaviour: EventStreamBehaviour) {
  const body = <T>(result: { body: unknown }) => result.body as T;
  const seq = () => backend.inspect.transactionCount();
  const offersAutoRecharge = body<CreditsConfig>(backend.config()).autoRecharge === true;
  const snapshot = () => ({
    seq: seq(),
    // Compared without updatedAt, which a fake may stamp with the time of the read.
    balance: JSON.stringify({ ...body<Balance>(backend.balance()), updatedAt: undefined }),
    purchases: new Map(backend.inspect.purchases().map((each) => [each.id, each.status])),
    methods: JSON.stringify(body<PaymentMethodList>(backend.paymentMethods())),
    autoRecharge: offersAutoRecharge
      ? JSON.stringify(body<AutoRecharge>(backend.autoRecharge.get()))
      : undefined,
  });
  let seen = snapshot();
  const replay: { seq: number; text: string }[] = [];
  const listeners = new Set<(text: string) => void>();
  let watcher: ReturnType<typeof setInterval> | undefined;
  let dropped = false;
  let skipped = false;

  function check() {
    const now = snapshot();
    let text = '';
    if (now.seq > seen.seq) {
      const fresh = Math.min(now.seq - seen.seq, MAX_REPLAY);
      const page = body<TransactionPage>(backend.listTransactions({ limit: fresh }));
      page.data
        .slice(0, fresh)
        .reverse()
        .forEach((transaction, index) => {
          const rowSeq = now.seq - fresh + 1 + index;
          const row = frame({ type: 'transaction', seq: rowSeq, transaction });
          replay.push({ seq: rowSeq, text: row });
          if (behaviour === 'gap' && !skipped) skipped = true;
          else text += row;
        });
      replay.splice(0, Math.max(0, replay.length - MAX_REPLAY));
    }
    if (now.balance !== seen.balance)
      text += frame({ type: 'balance', seq: now.seq, balance: body<Balance>(backend.balance()) });
    for (const purchase of backend.inspect.purchases()) {
      if (seen.purchases.get(purchase.id) === purchase.status) continue;
      if (!seen.purchases.has(purchase.id)) continue;
      text += frame({ type: 'purchase', seq: now.seq, purchase: purchase as Purchase });
    }
    if (now.methods !== seen.methods)
      text += frame({
        type: 'payment-methods',
        seq: now.seq,
        paymentMethods: JSON.parse(now.methods),
      });
    if (now.autoRecharge !== seen.autoRecharge && now.autoRecharge)
      text += frame({
        type: 'auto-recharge',
        seq: now.seq,
        autoRecharge: JSON.parse(now.autoRecharge),
      });
    seen = now;
    if (text) for (const listener of [...listeners]) listener(text);
  }

  function open(lastEventIdHeader: string | null, signal: AbortSignal): Response {
    if (behaviour === 'noStream') throw new ProblemError(404, 'not_found', 'No such operation');
    check();
    const current = seq();
    let lastEventId: number | undefined;
    if (lastEventIdHeader) {
      lastEventId = /^\d{1,15}$/.test(lastEventIdHeader) ? Number(lastEventIdHeader) : Number.NaN;
      if (!(lastEventId <= current))
        throw ProblemError.invalid(
          'Last-Event-ID',
          'Invalid Last-Event-ID',
          'Last-Event-ID must be a ledger sequence number this stream sent.',
        );
    }
    let controller!: ReadableStreamDefaultController<Uint8Array>;
    let closed = false;
    const send = (text: string) => {
      const write = () => {
        if (closed) return;
        controller.enqueue(encoder.encode(text));
        if (behaviour === 'dropMidStream' && !dropped && text.includes('event: transaction')) {
          dropped = true;
          end(new TypeError('network error: the connection dropped'));
        }
      };
      if (behaviour === 'slow') setTimeout(write, SLOW_MS);
      else write();
    };
    const end = (error?: Error) => {
      if (closed) return;
      closed = true;
      listeners.delete(send);
      if (listeners.size === 0) {
        clearInterval(watcher);
        watcher = undefined;
      }
      if (error) controller.error(error);
      else controller.close();
    };
    const stream = new ReadableStream<Uint8Array>({
      start: (c) => {
        controller = c;
      },
      cancel: () => end(),
    });
    signal.addEventListener('abort', () => end(), { once: true });
    let first = '';
    if (lastEventId !== undefined && current - lastEventId <= MAX_REPLAY)
      for (const row of replay) if (row.seq > lastEventId) first += row.text;
    first += frame({ type: 'ready', seq: current });
    first += frame({ type: 'balance', seq: current, balance: body<Balance>(backend.balance()) });
    send(first);
    listeners.add(send);
    watcher ??= setInterval(check, WATCH_MS);
    return new Response(stream, {
      headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' },
    });
  }

  return { check, open, offered: true };
}

export type EventFeed = ReturnType<typeof createEventFeed>;
