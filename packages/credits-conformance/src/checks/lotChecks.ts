import { type ExpiringGrant, transactionPageSchema, transactionSchema } from 'credits-core';
import { ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import { pollUntil } from './pollUntil.js';
import { requireServerApi, serverBalance, serverWrite } from './serverApi.js';

/** A moment `ms` ahead, at a whole second plus a random part, so no other lot shares it. */
const ahead = (ms: number) =>
  new Date(
    Math.floor((Date.now() + ms) / 1000) * 1000 + Math.floor(Math.random() * 999),
  ).toISOString();

async function grantExpiring(
  context: CheckContext,
  credits: number,
  expiresAt: string,
  reason: string,
) {
  const response = await serverWrite(context, '/grants', { credits, reason, expiresAt });
  return context.parse(transactionSchema, response, 'Server API grant with expiresAt');
}

const same = (a: readonly ExpiringGrant[], b: readonly ExpiringGrant[]) =>
  a.length === b.length &&
  a.every(
    (lot, index) =>
      lot.amount === b[index]?.amount &&
      Date.parse(lot.expiresAt) === Date.parse(b[index]!.expiresAt),
  );

/** What spending `credits` leaves of the expiring lots: the soonest first (they all come before never-expiring ones). */
function consumed(expiring: readonly ExpiringGrant[], credits: number): ExpiringGrant[] {
  let need = credits;
  const left: ExpiringGrant[] = [];
  for (const lot of expiring) {
    const take = Math.min(need, lot.amount);
    need -= take;
    if (lot.amount > take) left.push({ ...lot, amount: lot.amount - take });
  }
  return left;
}

/** Lots and expiry (CONTRACT.md, "Lots and expiry"): run with the Server API, else skipped. */
export const lotChecks: Check[] = [
  {
    id: 'lots.expiring',
    title: 'A grant with an expiry is listed in balance.expiring until it lapses',
    async run(context) {
      requireServerApi(context);
      const expiresAt = ahead(30 * 60_000);
      await grantExpiring(context, 70, expiresAt, 'Conformance expiring grant');
      const { response, balance } = await serverBalance(context);
      ensure(
        balance.expiring.some(
          (lot) => lot.amount === 70 && Date.parse(lot.expiresAt) === Date.parse(expiresAt),
        ),
        `balance.expiring does not list the 70 credits granted until ${expiresAt}`,
        response,
      );
      const past = await serverWrite(context, '/grants', {
        credits: 1,
        reason: 'Conformance past expiry',
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      });
      context.expectProblem(past, 400, 'validation_failed');
    },
  },
  {
    id: 'lots.soonestFirst',
    title: 'Usage spends the soonest-expiring credits first, never-expiring ones last',
    async run(context) {
      requireServerApi(context);
      // Two lots, the later granted first; usage must take from the sooner one.
      await grantExpiring(context, 40, ahead(40 * 60_000), 'Conformance later lot');
      await grantExpiring(context, 60, ahead(20 * 60_000), 'Conformance sooner lot');
      const before = await serverBalance(context);
      const listed = before.balance.expiring;
      ensure(
        listed.length < 10,
        'the account has too many expiring lots to follow',
        before.response,
      );
      const used = await serverWrite(context, '/usage', {
        credits: 50,
        description: 'Conformance lot usage',
      });
      context.expectStatus(used, 201);
      const after = await serverBalance(context);
      const expected = consumed(listed, 50);
      ensure(
        same(after.balance.expiring, expected),
        `after spending 50, balance.expiring is ${JSON.stringify(after.balance.expiring)}; soonest first leaves ${JSON.stringify(expected)}`,
        after.response,
      );
    },
  },
  {
    id: 'lots.expiry',
    title: 'A lapsed lot posts one `expiry` row for what is left in it, once',
    async run(context) {
      requireServerApi(context);
      const reason = `Conformance lapsing ${context.key().slice(0, 8)}`;
      const expiresAt = ahead(3_000);
      await grantExpiring(context, 30, expiresAt, reason);
      const before = await serverBalance(context);
      // Wait for the state (no clock to move on a real server): the lot gone from the list.
      const listed = (read: typeof before) =>
        read.balance.expiring.some((lot) => Date.parse(lot.expiresAt) === Date.parse(expiresAt));
      const now = await pollUntil(
        before,
        () => serverBalance(context),
        (read) => !listed(read),
        { timeoutMs: 20_000 },
      );
      ensure(!listed(now), `17 s after its expiry the lot is still listed`, now.response);
      ensure(
        now.balance.total === before.balance.total - 30,
        `total went from ${before.balance.total} to ${now.balance.total}, expected −30`,
        now.response,
      );
      // Read again: a second sweep finds nothing more to expire.
      await serverBalance(context);
      const history = await context.http('GET', '/transactions', {
        query: { type: 'expiry', search: reason, limit: 10 },
      });
      const rows = context.parse(transactionPageSchema, history, 'GET /transactions?type=expiry');
      ensure(
        rows.data.length === 1 && rows.data[0]!.amount === -30,
        `expected one −30 expiry row naming “${reason}”, found ${JSON.stringify(rows.data.map((row) => row.amount))}`,
        history,
      );
    },
  },
];
