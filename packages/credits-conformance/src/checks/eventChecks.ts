import { autoRechargeSchema } from 'credits-core/auto-recharge';
import { CheckSkipped, ensure } from '../CheckFailure.js';
import { type Check, type CheckContext, createCheckContext } from '../createCheckContext.js';
import { openEventStream } from './eventStream.js';
import { fetchPage } from './ledger.js';
import { available, buyWithSandbox } from './sandboxPurchase.js';

/** The stream is checked only where `GET /config` offers it (and the kit was not told to leave it out). */
async function requireEvents(context: CheckContext) {
  if (context.options.events === false)
    throw new CheckSkipped('event checks were turned off (options.events: false)');
  if (!(await context.getConfig()).events)
    throw new CheckSkipped('the backend offers no event stream (Config.events is not true)');
}

/**
 * A ledger row made while the stream is open arrives as `transaction` with the next seq and a
 * `balance` equal to GET /balance. The row is a sandbox purchase: the contract has no browser
 * operation that debits (a debit through the server API once that is part of the contract).
 */
const ledgerEvents: Check = {
  id: 'events.ledger',
  title: 'a new ledger row arrives on the stream with the next sequence number and the new balance',
  async run(context) {
    await requireEvents(context);
    await context.requireTestMode();
    const stream = await openEventStream(context);
    try {
      const ready = await stream.next('`ready` event', (event) => event.type === 'ready');
      await buyWithSandbox(context, 'the check needs a new ledger row');
      const row = await stream.next(
        '`transaction` event after a purchase',
        (event) => event.type === 'transaction',
      );
      ensure(
        row.seq === ready.seq + 1,
        `the row's seq is ${row.seq}, expected ${ready.seq + 1} (ready said ${ready.seq})`,
        stream.exchange,
      );
      const now = await available(context);
      const balance = await stream.next(
        '`balance` event for that row',
        (event) => event.type === 'balance' && event.seq >= row.seq,
      );
      ensure(
        balance.type === 'balance' && balance.balance.available === now.available,
        `the streamed balance (${balance.type === 'balance' ? balance.balance.available : '?'}) differs from GET /balance (${now.available})`,
        now.response,
      );
    } finally {
      stream.close();
    }
  },
};

const resume: Check = {
  id: 'events.resume',
  title: 'after a drop, Last-Event-ID replays the rows missed, in order',
  async run(context) {
    await requireEvents(context);
    await context.requireTestMode();
    const first = await openEventStream(context);
    const ready = await first.next('`ready` event', (event) => event.type === 'ready');
    first.close();
    await buyWithSandbox(context, 'the check needs a row made while disconnected');
    const resumed = await openEventStream(context, String(ready.seq));
    try {
      const row = await resumed.next(
        'replayed `transaction` event',
        (event) => event.type === 'transaction',
      );
      ensure(
        row.seq === ready.seq + 1,
        `resumed after ${ready.seq}, the first row replayed is ${row.seq}`,
        resumed.exchange,
      );
      const again = await resumed.next(
        '`ready` after the replay',
        (event) => event.type === 'ready',
      );
      ensure(
        resumed.events.indexOf(row as never) < resumed.events.indexOf(again as never),
        'the replayed rows must come before `ready`',
        resumed.exchange,
      );
    } finally {
      resumed.close();
    }
  },
};

const badLastEventId: Check = {
  id: 'events.lastEventId',
  title: 'a Last-Event-ID that is not a sequence number is refused (400 validation_failed)',
  async run(context) {
    await requireEvents(context);
    const response = await context.http('GET', '/events', {
      headers: { 'Last-Event-ID': 'not-a-sequence', Accept: 'text/event-stream' },
    });
    context.expectProblem(response, 400, 'validation_failed');
  },
};

const isolation: Check = {
  id: 'events.isolation',
  title: 'a stream carries no event of another account',
  async run(context) {
    await requireEvents(context);
    await context.requireTestMode();
    const { otherToken } = context.options;
    if (!otherToken)
      throw new CheckSkipped('it needs a second account’s token: options.otherToken');
    const other = createCheckContext({ ...context.options, token: otherToken });
    const theirs = await openEventStream(context);
    try {
      await theirs.next('`ready` event', (event) => event.type === 'ready');
      await buyWithSandbox(other, 'the check needs a row on the other account');
      // The other account's row has had its time to arrive anywhere it would.
      await available(other);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const rows = theirs.events.filter((event) => event.type === 'transaction');
      ensure(
        rows.length === 0,
        `a purchase by the other account reached this account's stream (${rows.length} rows)`,
        theirs.exchange,
      );
    } finally {
      theirs.close();
    }
  },
};

/**
 * A history page says the ledger `seq` it was read at (optional: without it a live client reads
 * the history once more on every page load): the stream's `ready` seq while nothing moves, and
 * one more for a new row. A page whose seq runs behind its rows would hide a row from the page.
 */
const historySeq: Check = {
  id: 'events.historySeq',
  title: 'a history page’s seq is the ledger sequence it was read at, as the stream numbers rows',
  async run(context) {
    await requireEvents(context);
    await context.requireTestMode();
    const stream = await openEventStream(context);
    try {
      const ready = await stream.next('`ready` event', (event) => event.type === 'ready');
      const before = await fetchPage(context, { limit: 1 });
      if (before.page.seq === undefined)
        throw new CheckSkipped('the history pages carry no seq (optional in the contract)');
      ensure(
        before.page.seq === ready.seq,
        `GET /transactions says seq ${before.page.seq}, the stream's ready said ${ready.seq}`,
        before.response,
      );
      await buyWithSandbox(context, 'the check needs a new ledger row');
      await stream.next('`transaction` event', (event) => event.type === 'transaction');
      const after = await fetchPage(context, { limit: 1 });
      ensure(
        after.page.seq === ready.seq + 1,
        `after one new row GET /transactions says seq ${after.page.seq}, expected ${ready.seq + 1}`,
        after.response,
      );
    } finally {
      stream.close();
    }
  },
};

/**
 * Where the backend offers auto-recharge too, saving its settings reaches the stream as an
 * `auto-recharge` event carrying the whole document, as saved.
 */
const autoRechargeEvent: Check = {
  id: 'events.autoRecharge',
  title: 'saving the auto-recharge settings sends an `auto-recharge` event with the document',
  async run(context) {
    await requireEvents(context);
    if (!(await context.getConfig()).autoRecharge)
      throw new CheckSkipped(
        'the backend offers no auto-recharge (Config.autoRecharge is not true)',
      );
    const stream = await openEventStream(context);
    try {
      await stream.next('`ready` event', (event) => event.type === 'ready');
      const current = await context.http('GET', '/auto-recharge');
      const { settings } = context.parse(autoRechargeSchema, current, 'GET /auto-recharge');
      const next = { ...settings, thresholdCredits: settings.thresholdCredits + 1 };
      const saved = await context.http('PUT', '/auto-recharge', { body: next });
      context.parse(autoRechargeSchema, saved, 'PUT /auto-recharge');
      await stream.next(
        '`auto-recharge` event with the saved settings',
        (event) =>
          event.type === 'auto-recharge' &&
          event.autoRecharge.settings.thresholdCredits === next.thresholdCredits,
      );
    } finally {
      stream.close();
    }
  },
};

export const eventChecks: readonly Check[] = [
  ledgerEvents,
  resume,
  badLastEventId,
  isolation,
  historySeq,
  autoRechargeEvent,
];
