import { transactionPageSchema, transactionSchema } from 'credits-core';
import { holdSchema } from 'credits-core/server';
import { ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import { pollUntil } from './pollUntil.js';
import { grant, requireServerApi, serverBalance, serverCall, serverWrite } from './serverApi.js';

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

async function createHold(context: CheckContext, credits: number, expiresAt = inMinutes(10)) {
  const response = await serverWrite(context, '/holds', {
    credits,
    description: 'Conformance job',
    expiresAt,
    websiteId: 'conformance-web-hold',
    websiteName: 'Conformance hold',
  });
  return { response, hold: context.parse(holdSchema, response, 'Server API hold') };
}

const holdPath = (id: string, action: 'capture' | 'release') =>
  `/holds/${encodeURIComponent(id)}/${action}`;

/** The Server API (CONTRACT.md): run with `apiKey` and `accountId`, else skipped. */
export const serverApiChecks: Check[] = [
  {
    id: 'serverApi.auth',
    title: 'The Server API takes its secret key only, and only it takes the key',
    async run(context) {
      requireServerApi(context);
      const none = await serverCall(context, 'GET', '/balance', { auth: false });
      context.expectProblem(none, 401, 'unauthenticated');
      const account = encodeURIComponent(context.options.accountId!);
      const asUser = await context.http('GET', `/server/accounts/${account}/balance`);
      context.expectProblem(asUser, 401, 'unauthenticated');
      const keyOnBrowser = await context.http('GET', '/balance', {
        headers: { 'X-Api-Key': context.options.apiKey! },
      });
      context.expectProblem(keyOnBrowser, 401, 'unauthenticated');
    },
  },
  {
    id: 'serverApi.usage',
    title: 'Usage debits once per key, shows in the user’s balance, and never overdraws',
    async run(context) {
      await grant(context, 500);
      const before = await serverBalance(context);
      const body = { credits: 300, description: 'Conformance usage', websiteId: 'conformance-web' };
      const key = context.key();
      const first = await serverWrite(context, '/usage', body, key);
      const row = context.parse(transactionSchema, first, 'Server API usage');
      ensure(row.type === 'usage' && row.amount === -300, 'usage is a −300 usage row', first);
      const replay = await serverWrite(context, '/usage', body, key);
      ensure(
        JSON.stringify(replay.json) === JSON.stringify(first.json),
        'a replay with the same key answered something else',
        replay,
      );
      const after = await serverBalance(context);
      ensure(
        after.balance.available === before.balance.available - 300,
        `available went from ${before.balance.available} to ${after.balance.available}, expected −300 once`,
        after.response,
      );
      const user = await context.http('GET', '/balance');
      ensure(
        (user.json as { available?: number }).available === after.balance.available,
        'the user’s balance differs from the Server API’s',
        user,
      );
      const tooMuch = await serverWrite(context, '/usage', {
        credits: after.balance.available + after.balance.held + 1_000_000,
        description: 'Conformance overdraw',
      });
      if (!after.balance.overdraftAllowed)
        context.expectProblem(tooMuch, 402, 'insufficient_credits');
    },
  },
  {
    id: 'serverApi.holds',
    title: 'A hold reserves credits; its capture is one usage row of at most the held amount',
    async run(context) {
      await grant(context, 1_000);
      const before = await serverBalance(context);
      const { response, hold } = await createHold(context, 800);
      ensure(hold.status === 'active' && hold.amount === 800, 'a new hold is active', response);
      const during = await serverBalance(context);
      ensure(
        during.balance.held === before.balance.held + 800 &&
          during.balance.available === before.balance.available - 800,
        `held/available moved from ${before.balance.held}/${before.balance.available} to ${during.balance.held}/${during.balance.available}, expected ±800`,
        during.response,
      );
      const over = await serverWrite(context, holdPath(hold.id, 'capture'), { credits: 801 });
      context.expectProblem(over, 400, 'validation_failed');
      const captured = await serverWrite(context, holdPath(hold.id, 'capture'), { credits: 500 });
      const done = context.parse(holdSchema, captured, 'capture');
      ensure(
        done.status === 'captured' && done.captured === 500 && done.transaction?.amount === -500,
        'a capture of 500 is `captured` with a −500 usage row',
        captured,
      );
      const after = await serverBalance(context);
      ensure(
        after.balance.available === before.balance.available - 500 &&
          after.balance.held === before.balance.held,
        `available ${after.balance.available} (expected ${before.balance.available - 500}), held ${after.balance.held}`,
        after.response,
      );
      const history = await context.http('GET', '/transactions', { query: { limit: 5 } });
      const page = context.parse(transactionPageSchema, history, 'GET /transactions');
      ensure(
        page.data.some((row) => row.id === done.transaction?.id && row.type === 'usage'),
        'the capture’s usage row is not in the user’s history',
        history,
      );
      const again = await serverWrite(context, holdPath(hold.id, 'capture'), { credits: 500 });
      context.expectStatus(again, 200);
      const release = await serverWrite(context, holdPath(hold.id, 'release'), undefined);
      context.expectProblem(release, 409, 'hold_not_active');
    },
  },
  {
    id: 'serverApi.holdsConcurrent',
    title: 'Concurrent holds never reserve more than available; concurrent captures spend once',
    async run(context) {
      await grant(context, 1_200);
      const before = await serverBalance(context);
      const available = before.balance.available;
      const each = Math.floor(available / 4) + 1;
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          serverWrite(context, '/holds', {
            credits: each,
            description: 'Conformance job',
            expiresAt: inMinutes(10),
          }),
        ),
      );
      for (const answer of answers.filter((each) => each.status !== 201))
        context.expectProblem(answer, 402, 'insufficient_credits');
      const made = answers
        .filter((answer) => answer.status === 201)
        .map((answer) => ({ hold: context.parse(holdSchema, answer, 'Server API hold') }));
      ensure(made.length <= 3, `${made.length} holds of ${each} fit in ${available}`);
      const during = await serverBalance(context);
      ensure(
        during.balance.held - before.balance.held === made.length * each,
        `held grew by ${during.balance.held - before.balance.held}, ${made.length} holds of ${each} were made`,
        during.response,
      );
      const [first, ...rest] = made.map((answer) => answer.hold);
      for (const hold of rest) await serverWrite(context, holdPath(hold.id, 'release'), undefined);
      if (!first) return;
      const captures = await Promise.all(
        Array.from({ length: 10 }, (_, index) =>
          serverWrite(context, holdPath(first.id, 'capture'), { credits: index % 2 ? 1 : 2 }),
        ),
      );
      const won = captures.filter((answer) => answer.status === 200);
      const amounts = new Set(won.map((answer) => (answer.json as { captured?: number }).captured));
      ensure(amounts.size === 1, `concurrent captures were answered as ${[...amounts]}`);
      const after = await serverBalance(context);
      ensure(
        after.balance.used - before.balance.used === [...amounts][0] &&
          after.balance.held === before.balance.held,
        `used grew by ${after.balance.used - before.balance.used}, held is ${after.balance.held}`,
        after.response,
      );
    },
  },
  {
    id: 'serverApi.expiry',
    title: 'An expired hold lapses: its credits come back, and it cannot be captured',
    async run(context) {
      await grant(context, 100);
      const before = await serverBalance(context);
      const { hold } = await createHold(context, 100, new Date(Date.now() + 2_000).toISOString());
      const now = await pollUntil(
        await serverBalance(context),
        () => serverBalance(context),
        (read) => read.balance.held === before.balance.held,
        { timeoutMs: 15_000 },
      );
      ensure(
        now.balance.held === before.balance.held &&
          now.balance.available === before.balance.available,
        `13 s after its expiry the hold still holds (held ${now.balance.held})`,
        now.response,
      );
      const late = await serverWrite(context, holdPath(hold.id, 'capture'), { credits: 1 });
      context.expectProblem(late, 409, 'hold_not_active');
    },
  },
  {
    id: 'serverApi.grantsAdjustments',
    title: 'Grants and adjustments are ledger rows with their reasons; zero is refused',
    async run(context) {
      const granted = await grant(context, 50);
      ensure(
        granted.type === 'grant' && granted.description === 'Conformance check credits',
        'a grant is a `grant` row described by its reason',
      );
      const adjusted = await serverWrite(context, '/adjustments', {
        credits: -20,
        reason: 'Conformance correction',
      });
      const row = context.parse(transactionSchema, adjusted, 'Server API adjustment');
      ensure(
        row.type === 'adjustment' &&
          row.amount === -20 &&
          row.description === 'Conformance correction',
        'an adjustment is an `adjustment` row of its sign, described by its reason',
        adjusted,
      );
      const zero = await serverWrite(context, '/adjustments', { credits: 0, reason: 'Nothing' });
      context.expectProblem(zero, 400, 'validation_failed');
    },
  },
];
