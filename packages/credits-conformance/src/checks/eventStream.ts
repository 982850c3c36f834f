import { type CreditsEvent, creditsEventSchemas, parseWith } from 'credits-core';
import { autoRechargeEventSchema } from 'credits-core/auto-recharge';
import { createParser } from 'eventsource-parser';
import { CheckFailure } from '../CheckFailure.js';
import type { CheckContext } from '../createCheckContext.js';
import type { Exchange } from '../types.js';

/** An open `GET /events`, read as a browser reads it, with every event validated against the contract. */
export interface EventStream {
  exchange: Exchange;
  events: (CreditsEvent & { id: string | undefined })[];
  /** The first event (seen or to come) matching, or a failure after `timeoutMs`. */
  next(
    what: string,
    match: (event: CreditsEvent) => boolean,
    timeoutMs?: number,
  ): Promise<CreditsEvent>;
  close(): void;
}

/** Every event the contract names, by its SSE name (`auto-recharge`'s schema is its entry's). */
const eventSchemas = { ...creditsEventSchemas, 'auto-recharge': autoRechargeEventSchema };

/**
 * Opens the stream with the kit's credentials. A non-stream answer fails the check, showing it;
 * an event whose data breaks its schema fails the check too.
 */
export async function openEventStream(
  context: CheckContext,
  lastEventId?: string,
): Promise<EventStream> {
  const { options } = context;
  const headers: Record<string, string> = { ...options.headers, Accept: 'text/event-stream' };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (lastEventId !== undefined) headers['Last-Event-ID'] = lastEventId;
  const url = `${options.baseUrl.replace(/\/+$/, '')}/events`;
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), 15_000);
  const response = await (options.fetch ?? globalThis.fetch)(url, {
    headers,
    signal: controller.signal,
  });
  clearTimeout(timeout);
  const exchange: Exchange = {
    method: 'GET',
    url,
    requestHeaders: {
      ...headers,
      ...(headers.Authorization ? { Authorization: 'Bearer ***' } : {}),
    },
    status: response.status,
    responseHeaders: Object.fromEntries(response.headers),
    responseBody: '(event stream)',
  };
  const type = response.headers.get('content-type') ?? '';
  if (response.status !== 200 || !type.startsWith('text/event-stream') || !response.body) {
    controller.abort();
    throw new CheckFailure(
      `GET /events: expected a 200 text/event-stream, got ${response.status} "${type}"`,
      { ...exchange, responseBody: await response.text().catch(() => '') },
    );
  }
  let broken: CheckFailure | undefined;
  const waiters = new Set<() => void>();
  const stream: EventStream = {
    exchange,
    events: [],
    next(what, match, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = stream.events.find(match);
          if (!found && !broken) return;
          waiters.delete(check);
          clearTimeout(timer);
          if (broken) reject(broken);
          else resolve(found!);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          const seen = stream.events.map((event) => `${event.type} ${event.seq}`).join(', ');
          reject(
            new CheckFailure(
              `no ${what} within ${timeoutMs} ms (saw: ${seen || 'nothing'})`,
              exchange,
            ),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    close: () => controller.abort(),
  };
  const parser = createParser({
    onEvent(message) {
      const type = message.event ?? 'message';
      if (!Object.hasOwn(eventSchemas, type)) return;
      let data: unknown;
      try {
        data = JSON.parse(message.data);
      } catch {
        data = message.data;
      }
      const result = parseWith(eventSchemas[type as keyof typeof eventSchemas], data);
      if (!result.success) {
        broken = new CheckFailure(
          `a \`${type}\` event breaks the contract: ${result.error.message.replace(/^Invalid response: /, '')}`,
          { ...exchange, responseBody: message.data.slice(0, 2_000) },
        );
      } else {
        stream.events.push({
          type,
          id: message.id,
          ...result.output,
        } as EventStream['events'][number]);
      }
      for (const waiter of [...waiters]) waiter();
    },
  });
  void (async () => {
    const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
    controller.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        parser.feed(value);
      }
    } catch {
      // Closed by the check.
    }
  })();
  return stream;
}
