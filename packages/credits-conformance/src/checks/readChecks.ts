import {
  balanceSchema,
  configSchema,
  creditPackageListSchema,
  paymentMethodListSchema,
  type Transaction,
  transactionPageSchema,
  usageByWebsiteSchema,
} from 'credits-core';
import { ensure } from '../CheckFailure.js';
import type { Check, CheckContext } from '../createCheckContext.js';
import type { Exchange } from '../types.js';

async function firstPage(
  context: CheckContext,
  query: Record<string, string | number | undefined> = {},
) {
  const response = await context.http('GET', '/transactions', { query });
  return { response, page: context.parse(transactionPageSchema, response, 'GET /transactions') };
}

function expectChained(rows: Transaction[], response: Exchange) {
  for (let i = 0; i + 1 < rows.length; i += 1) {
    const [row, older] = [rows[i]!, rows[i + 1]!];
    ensure(
      row.balanceAfter - row.amount === older.balanceAfter,
      `balanceAfter does not chain: ${row.id} (${row.balanceAfter}, amount ${row.amount}) follows ${older.id} (${older.balanceAfter})`,
      response,
    );
    ensure(
      Date.parse(row.createdAt) >= Date.parse(older.createdAt),
      `not newest first: ${row.id} is older than ${older.id}`,
      response,
    );
  }
}

export const readChecks: Check[] = [
  {
    id: 'config.schema',
    title: 'GET /config matches the contract',
    async run(context) {
      const config = context.parse(
        configSchema,
        await context.http('GET', '/config'),
        'GET /config',
      );
      ensure(
        config.limits.defaultPageSize <= config.limits.maxPageSize,
        'defaultPageSize exceeds maxPageSize',
      );
    },
  },
  {
    id: 'balance.schema',
    title: 'GET /balance matches the contract (whole credits, available = total − used)',
    async run(context) {
      const response = await context.http('GET', '/balance');
      const balance = context.parse(balanceSchema, response, 'GET /balance');
      ensure(
        balance.available >= 0 || balance.overdraftAllowed,
        'available is negative but overdraftAllowed is false',
        response,
      );
    },
  },
  {
    id: 'balance.matchesLedger',
    title: 'The balance equals the newest ledger row’s balanceAfter',
    async run(context) {
      const balance = context.parse(
        balanceSchema,
        await context.http('GET', '/balance'),
        'GET /balance',
      );
      const { response, page } = await firstPage(context, { limit: 1 });
      const newest = page.data[0];
      if (!newest)
        return ensure(
          balance.available === 0,
          'the ledger is empty but the balance is not 0',
          response,
        );
      ensure(
        newest.balanceAfter === balance.available,
        `balance.available is ${balance.available}, the newest row says ${newest.balanceAfter}`,
        response,
      );
    },
  },
  {
    id: 'transactions.schema',
    title: 'GET /transactions pages match the contract, newest first, with chained balanceAfter',
    async run(context) {
      const { response, page } = await firstPage(context);
      expectChained(page.data, response);
    },
  },
  {
    id: 'transactions.limitBounds',
    title: '`limit` is honoured, clamped to maxPageSize, and 0 is refused',
    async run(context) {
      const { limits } = await context.getConfig();
      const one = await firstPage(context, { limit: 1 });
      ensure(
        one.page.data.length <= 1,
        `limit=1 returned ${one.page.data.length} rows`,
        one.response,
      );
      const big = await firstPage(context, { limit: limits.maxPageSize + 50 });
      ensure(
        big.page.data.length <= limits.maxPageSize,
        `limit above maxPageSize returned ${big.page.data.length} rows (max ${limits.maxPageSize})`,
        big.response,
      );
      const zero = await context.http('GET', '/transactions', { query: { limit: 0 } });
      context.expectProblem(zero, 400, 'validation_failed');
    },
  },
  {
    id: 'transactions.pagination',
    title: 'Cursor pagination returns every row once, in order',
    async run(context) {
      const seen = new Set<string>();
      let cursor: string | null = null;
      let previous: Transaction | undefined;
      for (let pages = 0; pages < 20; pages += 1) {
        const { response, page } = await firstPage(context, {
          limit: 5,
          cursor: cursor ?? undefined,
        });
        ensure(page.data.length <= 5, `limit=5 returned ${page.data.length} rows`, response);
        for (const row of page.data) {
          ensure(!seen.has(row.id), `row ${row.id} appeared on two pages`, response);
          seen.add(row.id);
        }
        expectChained(previous ? [previous, ...page.data] : page.data, response);
        previous = page.data.at(-1) ?? previous;
        cursor = page.nextCursor;
        if (!cursor) break;
        ensure(page.data.length > 0, 'an empty page still had a nextCursor', response);
      }
    },
  },
  {
    id: 'transactions.filters',
    title: 'type, websiteId, from/to and search filter on the server',
    async run(context) {
      const { page: sample } = await firstPage(context, {
        limit: (await context.getConfig()).limits.maxPageSize,
      });
      const usage = await firstPage(context, { type: 'usage' });
      ensure(
        usage.page.data.every((row) => row.type === 'usage'),
        'type=usage returned other types',
        usage.response,
      );
      const website = sample.data.find((row) => row.website)?.website;
      if (website) {
        const byWebsite = await firstPage(context, { websiteId: website.id });
        ensure(
          byWebsite.page.data.length > 0,
          `websiteId=${website.id} returned nothing though rows exist`,
          byWebsite.response,
        );
        ensure(
          byWebsite.page.data.every((row) => row.website?.id === website.id),
          'websiteId returned rows of other websites',
          byWebsite.response,
        );
      }
      const word = sample.data
        .map((row) => row.description.split(/\s+/)[0])
        .find((w) => w && w.length >= 3);
      if (word) {
        const found = await firstPage(context, { search: word.toUpperCase() });
        const needle = word.toLocaleLowerCase();
        ensure(
          found.page.data.length > 0,
          `search=${word.toUpperCase()} found nothing (search is case-insensitive)`,
          found.response,
        );
        ensure(
          found.page.data.every((row) =>
            `${row.description} ${row.website?.name ?? ''}`.toLocaleLowerCase().includes(needle),
          ),
          `search=${word} returned rows that do not contain it`,
          found.response,
        );
      }
      const middle = sample.data[Math.floor(sample.data.length / 2)];
      if (middle) {
        const to = middle.createdAt;
        const windowed = await firstPage(context, { to });
        ensure(
          windowed.page.data.every((row) => Date.parse(row.createdAt) < Date.parse(to)),
          '`to` is exclusive: rows at or after it came back',
          windowed.response,
        );
        const fromed = await firstPage(context, { from: to });
        ensure(
          fromed.page.data.every((row) => Date.parse(row.createdAt) >= Date.parse(to)),
          '`from` is inclusive: rows before it came back',
          fromed.response,
        );
      }
    },
  },
  {
    id: 'usage.schema',
    title: 'GET /usage/websites matches the contract and adds up',
    async run(context) {
      const response = await context.http('GET', '/usage/websites');
      const usage = context.parse(usageByWebsiteSchema, response, 'GET /usage/websites');
      const sum = usage.data.reduce((total, entry) => total + entry.credits, 0);
      ensure(
        sum === usage.totalCredits,
        `totalCredits is ${usage.totalCredits} but the entries add up to ${sum}`,
        response,
      );
    },
  },
  {
    id: 'packages.schema',
    title: 'GET /packages matches the contract (integer minor units, ISO 4217)',
    async run(context) {
      const response = await context.http('GET', '/packages');
      const list = context.parse(creditPackageListSchema, response, 'GET /packages');
      ensure(list.data.length > 0, 'no packages on sale', response);
    },
  },
  {
    id: 'paymentMethods.schema',
    title: 'GET /payment-methods matches the contract with exactly one default',
    async run(context) {
      const response = await context.http('GET', '/payment-methods');
      const list = context.parse(paymentMethodListSchema, response, 'GET /payment-methods');
      const defaults = list.data.filter((method) => method.isDefault).length;
      ensure(
        list.data.length === 0 || defaults === 1,
        `${defaults} default payment methods among ${list.data.length}`,
        response,
      );
    },
  },
];
