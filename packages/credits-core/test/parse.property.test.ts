/**
 * Property-based tests of the pure parse step (`parseWith`) for every response
 * schema the client uses — taken from `operations`, so a new operation is
 * covered without touching this file — plus the problem schema of error bodies.
 *
 * Three properties per schema, 1 000 runs each:
 * - valid documents (hand-written arbitraries) with unknown fields sprinkled in
 *   parse, keep every value as sent (unknown open-enum values included) and
 *   drop everything the schema does not name;
 * - one hostile mutation of a valid document (bodies up to 64 KB) never throws:
 *   it parses into an output that still keeps the contract's invariants, or it
 *   fails as `invalid_response` with a bounded message and a path that names
 *   the bad field;
 * - a fuzzer derived from the schema itself (wrong types, hostile numbers, random
 *   JSON at any depth) never throws and never lets a contract breach through.
 *
 * The contract invariants below are written by hand, independently of valibot,
 * so loosening a schema makes these properties fail.
 */
import fc from 'fast-check';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import {
  balanceSchema,
  CREDITS_MODES,
  CreditsResponseError,
  configSchema,
  creditPackageListSchema,
  isTimestamp as isTimestampRule,
  operations,
  PAYMENT_METHOD_TYPES,
  type ParseResult,
  PURCHASE_STATUSES,
  parseWith,
  paymentMethodListSchema,
  problemSchema,
  purchaseSchema,
  SERVER_ERROR_CODES,
  SETUP_INTENT_STATUSES,
  setupIntentSchema,
  TRANSACTION_TYPES,
  transactionPageSchema,
  usageByWebsiteSchema,
  usageSeriesSchema,
} from '../src/index';
import * as fixtures from './fixtures';

const RUNS = { numRuns: 1000 };
const BODY_LIMIT = 64 * 1024;
/** No error message may grow with the body: a hostile backend must not fill logs. */
const MAX_MESSAGE = 1024;
const MAX = Number.MAX_SAFE_INTEGER;

type Doc = Record<string, unknown>;
type Segment = string | number;

// ---------------------------------------------------------------------------
// Valid documents, written from the schemas and CONTRACT.md
// ---------------------------------------------------------------------------

const text = fc.oneof(
  fc.string({ maxLength: 24 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const nonEmptyText = fc.oneof(
  fc.string({ minLength: 1, maxLength: 24 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }),
);
const id = fc.oneof(
  fc.stringMatching(/^[a-z]{2,4}_[A-Za-z0-9]{1,16}$/),
  fc.string({ minLength: 1, maxLength: 40 }),
);
const nullish = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });

/** RFC 3339 date-times (what the contract requires), on days that exist. */
const timestamp = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .date({
        min: new Date('0000-01-01T00:00:00Z'),
        max: new Date('9999-12-31T23:59:59.999Z'),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString()),
  },
  {
    weight: 4,
    arbitrary: fc
      .stringMatching(
        /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])[Tt]([01]\d|2[0-3])(:[0-5]\d){2}(\.\d{1,9})?([Zz]|[+-]([01]\d|2[0-3]):[0-5]\d)$/,
      )
      .filter((value) => isTimestamp(value)),
  },
  { weight: 1, arbitrary: fc.constantFrom(fixtures.balance.updatedAt, '2026-11-01T08:00:00.000Z') },
);
const credits = fc.oneof(fc.maxSafeInteger(), fc.integer({ min: -100_000, max: 100_000 }));
const nonNegative = fc.oneof(fc.maxSafeNat(), fc.nat({ max: 100_000 }));
const positive = fc.oneof(fc.integer({ min: 1, max: MAX }), fc.integer({ min: 1, max: 100_000 }));
const currency = fc.stringMatching(/^[A-Z]{3}$/);

/** Known values and, as often, values this client has never heard of. */
function openEnum(known: readonly string[]) {
  return fc.oneof(
    fc.constantFrom(...known),
    fc
      .oneof(text, fc.constantFrom('referral_bonus', '__proto__', 'constructor', 'SUCCEEDED'))
      .filter((value) => !known.includes(value)),
  );
}

/** An object with `required` keys and `optional` keys that may be absent. */
function record(
  required: Record<string, fc.Arbitrary<unknown>>,
  optional: Record<string, fc.Arbitrary<unknown>> = {},
): fc.Arbitrary<Doc> {
  return fc.record({ ...required, ...optional }, { requiredKeys: Object.keys(required) });
}

const money = fc.record({ amount: nonNegative, currency });
const website = record({ id, name: text }, { url: nullish(text) });
const transaction = record(
  {
    id,
    createdAt: timestamp,
    type: openEnum(TRANSACTION_TYPES),
    description: text,
    amount: credits,
    balanceAfter: credits,
  },
  { website: nullish(website), purchaseId: nullish(id) },
);
const balance = fc
  .tuple(
    nonNegative,
    nonNegative,
    record(
      { updatedAt: timestamp },
      {
        overdraftAllowed: fc.boolean(),
        lowBalanceThreshold: nullish(nonNegative),
        expiring: fc.array(fc.record({ amount: positive, expiresAt: timestamp }), {
          maxLength: 3,
        }),
      },
    ),
  )
  .map(([total, used, rest]): Doc => ({ total, used, available: total - used, ...rest }));
const config = record(
  {
    apiVersion: fc.stringMatching(/^\d{1,3}\.\d{1,3}$/),
    mode: fc.constantFrom(...CREDITS_MODES),
    currency,
    limits: fc.record({ maxPageSize: positive, defaultPageSize: positive }),
  },
  { stripePublishableKey: nullish(nonEmptyText) },
);
const creditPackage = record(
  { id, credits: positive, price: money },
  { label: nullish(text), badge: nullish(text) },
);
const card = fc.record({
  brand: text,
  last4: fc.stringMatching(/^\d{4}$/),
  expMonth: fc.integer({ min: 1, max: 12 }),
  expYear: fc.integer({ min: 1970, max: 9999 }),
});
const paymentMethod = record(
  { id, type: openEnum(PAYMENT_METHOD_TYPES), isDefault: fc.boolean() },
  { card: nullish(card), wallet: nullish(text), email: nullish(text) },
);
const paymentFailure = fc.record({ code: openEnum(SERVER_ERROR_CODES), message: text });
const purchase = fc
  .tuple(
    record(
      {
        id,
        packageId: id,
        // Succeeded often: it is the state with a cross-field rule.
        status: fc.oneof(fc.constant('succeeded'), openEnum(PURCHASE_STATUSES)),
        credits: positive,
        amount: money,
        createdAt: timestamp,
      },
      {
        clientSecret: nullish(nonEmptyText),
        paymentMethodId: nullish(id),
        failure: nullish(paymentFailure),
        transaction: nullish(transaction),
        balance: nullish(balance),
      },
    ),
    transaction,
    balance,
  )
  // A succeeded purchase carries its ledger row and the new balance.
  .map(
    ([doc, row, after]): Doc =>
      doc.status === 'succeeded'
        ? { ...doc, transaction: doc.transaction ?? row, balance: doc.balance ?? after }
        : doc,
  );
const setupIntent = record(
  { id, status: openEnum(SETUP_INTENT_STATUSES), clientSecret: nonEmptyText },
  { paymentMethod: nullish(paymentMethod), failure: nullish(paymentFailure) },
);
const websiteUsage = fc.record({ website, credits: nonNegative, transactionCount: nonNegative });
const problem = record(
  {
    title: text,
    status: fc.integer({ min: 400, max: 599 }),
    code: openEnum(SERVER_ERROR_CODES),
  },
  {
    type: text,
    detail: nullish(text),
    instance: nullish(text),
    errors: nullish(fc.array(fc.record({ path: text, message: text }), { maxLength: 3 })),
  },
);

const withFixture = (arbitrary: fc.Arbitrary<Doc>, ...samples: Doc[]) =>
  fc.oneof({ weight: 9, arbitrary }, { weight: 1, arbitrary: fc.constantFrom(...samples) });

/** One arbitrary of valid documents per response schema. */
const validDocuments = new Map<v.GenericSchema, fc.Arbitrary<Doc>>([
  [configSchema, withFixture(config, fixtures.config)],
  [balanceSchema, withFixture(balance, fixtures.balance)],
  [
    transactionPageSchema,
    withFixture(
      fc.record({
        data: fc.array(transaction, { maxLength: 5 }),
        nextCursor: nullish(nonEmptyText),
      }),
      { data: fixtures.transactions, nextCursor: null },
    ),
  ],
  [
    usageByWebsiteSchema,
    fc.record({
      from: timestamp,
      to: timestamp,
      totalCredits: nonNegative,
      data: fc.array(websiteUsage, { maxLength: 5 }),
    }),
  ],
  [
    usageSeriesSchema,
    fc.record({
      from: timestamp,
      to: timestamp,
      bucket: fc.constantFrom('day', 'week', 'month'),
      timeZone: nonEmptyText,
      series: fc.array(fc.record({ website: nullish(website), credits: nonNegative }), {
        maxLength: 4,
      }),
      buckets: fc.array(
        fc.record({
          start: timestamp,
          end: timestamp,
          usage: nonNegative,
          purchases: nonNegative,
          grants: nonNegative,
          byWebsite: fc.array(nonNegative, { maxLength: 4 }),
        }),
        { maxLength: 5 },
      ),
      totalUsage: nonNegative,
      totalPurchases: nonNegative,
      totalGrants: nonNegative,
    }),
  ],
  [
    creditPackageListSchema,
    withFixture(fc.record({ data: fc.array(creditPackage, { maxLength: 5 }) }), {
      data: fixtures.creditPackages,
    }),
  ],
  [purchaseSchema, withFixture(purchase, fixtures.purchase())],
  [
    paymentMethodListSchema,
    withFixture(fc.record({ data: fc.array(paymentMethod, { maxLength: 5 }) }), {
      data: fixtures.paymentMethods,
    }),
  ],
  [setupIntentSchema, withFixture(setupIntent, fixtures.setupIntent)],
  [problemSchema, withFixture(problem, fixtures.problem(409, 'default_payment_method_required'))],
]);

// ---------------------------------------------------------------------------
// Reading the shape of a valibot schema (objects, arrays, wrappers, pipes)
// ---------------------------------------------------------------------------

interface SchemaNode {
  type: string;
  entries?: Record<string, SchemaNode>;
  item?: SchemaNode;
  wrapped?: SchemaNode;
  options?: readonly unknown[];
  default?: unknown;
  pipe?: readonly { kind: string; type: string; requirement?: unknown }[];
}

const shape = (schema: v.GenericSchema) => schema as unknown as SchemaNode;
const asSchema = (node: SchemaNode) => node as unknown as v.GenericSchema;

/** Strips optional/nullish/nullable wrappers. */
function unwrap(node: SchemaNode): SchemaNode {
  return node.wrapped ? unwrap(node.wrapped) : node;
}

/** The schema (wrappers included) of the value at `path`, or undefined if the schema does not name it. */
function schemaAt(node: SchemaNode, path: readonly Segment[]): SchemaNode | undefined {
  let current: SchemaNode | undefined = node;
  for (const segment of path) {
    if (current === undefined) return undefined;
    const inner = unwrap(current);
    if (inner.type === 'object') {
      current = Object.hasOwn(inner.entries ?? {}, segment) ? inner.entries?.[segment] : undefined;
    } else if (inner.type === 'array') {
      current = /^\d+$/.test(String(segment)) ? inner.item : undefined;
    } else {
      return undefined;
    }
  }
  return current;
}

const segmentsOf = (dotPath: string): Segment[] => (dotPath === '' ? [] : dotPath.split('.'));
const dotPath = (path: readonly Segment[]) => path.join('.');
/** `ancestor` is `path` itself or one of its parents (on whole segments). */
const isWithin = (path: string, ancestor: string) =>
  ancestor === '' || path === ancestor || path.startsWith(`${ancestor}.`);

const isObject = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// ---------------------------------------------------------------------------
// Oracles (plain checks that collect violations: one `expect` per run keeps 64 KB bodies fast)
// ---------------------------------------------------------------------------

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-](\d{2}):(\d{2}))$/;
const TIMESTAMP_KEYS = new Set(['createdAt', 'updatedAt', 'expiresAt', 'from', 'to']);
const ID_KEYS = new Set(['id', 'packageId', 'purchaseId', 'paymentMethodId']);
const NON_NEGATIVE_KEYS = new Set([
  'total',
  'used',
  'totalCredits',
  'credits',
  'transactionCount',
  'lowBalanceThreshold',
]);
const POSITIVE_KEYS = new Set(['maxPageSize', 'defaultPageSize']);

/** RFC 3339 date-time with an offset, on a day that exists (checked through `Date`, unlike the client). */
function isTimestamp(value: unknown): boolean {
  const match = typeof value === 'string' ? TIMESTAMP.exec(value) : null;
  if (match === null) return false;
  const [, year, month, day, hour, minute, second, , , offsetHour, offsetMinute] =
    match.map(Number);
  const date = new Date(0);
  date.setUTCFullYear(year!, month! - 1, day!);
  return (
    date.getUTCMonth() === month! - 1 &&
    date.getUTCDate() === day &&
    hour! <= 23 &&
    minute! <= 59 &&
    second! <= 59 &&
    !(offsetHour! > 23) &&
    !(offsetMinute! > 59)
  );
}

/**
 * What CONTRACT.md promises about any validated response, written without
 * valibot: safe-integer numbers only, well-formed timestamps, ids and currency
 * codes, non-negative counts, the balance identity, closed enums, a succeeded
 * purchase carrying its transaction and balance, plain prototypes.
 */
function contractViolations(value: unknown, path: Segment[] = [], out: string[] = []): string[] {
  const where = dotPath(path) || 'the body';
  const fail = (rule: string) => out.push(`${where}: ${rule}`);
  const key = path.at(-1);
  if (typeof value === 'number' && !Number.isSafeInteger(value))
    fail(`${value} is not a safe integer`);
  if (typeof key === 'string') {
    if (TIMESTAMP_KEYS.has(key) && !isTimestamp(value)) fail('not an ISO 8601 timestamp');
    if (ID_KEYS.has(key) && value != null && !(typeof value === 'string' && value.length > 0)) {
      fail('not an id');
    }
    if (key === 'currency' && !/^[A-Z]{3}$/.test(String(value))) fail('not a currency code');
    if (NON_NEGATIVE_KEYS.has(key) && value != null && !((value as number) >= 0)) {
      fail('negative');
    }
    if (POSITIVE_KEYS.has(key) && !((value as number) >= 1)) fail('not positive');
    if (key === 'mode' && !(CREDITS_MODES as readonly unknown[]).includes(value)) {
      fail('unknown value of a closed enum');
    }
    if (key === 'last4' && !/^\d{4}$/.test(String(value))) fail('not four digits');
    if (key === 'expMonth' && !((value as number) >= 1 && (value as number) <= 12)) {
      fail('not a month');
    }
  }
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) fail('not a plain array');
    value.forEach((item, index) => {
      contractViolations(item, [...path, index], out);
    });
    return out;
  }
  if (!isObject(value)) return out;
  if (Object.getPrototypeOf(value) !== Object.prototype) fail('not a plain object');
  if (
    'available' in value &&
    value.available !== (value.total as number) - (value.used as number)
  ) {
    fail('available ≠ total − used');
  }
  if ('amount' in value && 'currency' in value && !((value.amount as number) >= 0)) {
    fail('negative money');
  }
  if ('packageId' in value && value.status === 'succeeded') {
    if (value.transaction == null) fail('a succeeded purchase without its transaction');
    if (value.balance == null) fail('a succeeded purchase without its balance');
  }
  if ('title' in value && 'code' in value) {
    const status = value.status as number;
    if (!(status >= 400 && status <= 599)) fail('a problem without an error status');
  }
  for (const [name, child] of Object.entries(value))
    contractViolations(child, [...path, name], out);
  return out;
}

/** Keys of the output that the schema does not name, at any depth. */
function unknownKeys(node: SchemaNode, output: unknown, path: Segment[] = [], out: string[] = []) {
  const inner = unwrap(node);
  if (inner.type === 'object' && isObject(output)) {
    for (const key of Object.keys(output)) {
      if (Object.hasOwn(inner.entries ?? {}, key)) {
        unknownKeys(inner.entries![key]!, output[key], [...path, key], out);
      } else {
        out.push(`${dotPath([...path, key])} is not in the schema`);
      }
    }
  } else if (inner.type === 'array' && Array.isArray(output)) {
    output.forEach((item, index) => {
      unknownKeys(inner.item!, item, [...path, index], out);
    });
  }
  return out;
}

/**
 * For a valid input: the output holds exactly the input's values for the keys
 * the schema names (unknown open-enum values included), defaults for absent
 * optional keys, and nothing else.
 */
function dataDifferences(
  node: SchemaNode,
  input: unknown,
  output: unknown,
  path: Segment[] = [],
  out: string[] = [],
): string[] {
  const where = dotPath(path) || 'the body';
  if (input === undefined) {
    const fallback = typeof node.default === 'function' ? node.default() : node.default;
    if (JSON.stringify(output) !== JSON.stringify(fallback)) out.push(`${where}: not its default`);
    return out;
  }
  const inner = unwrap(node);
  if (input !== null && inner.type === 'object') {
    if (!isObject(output)) return [...out, `${where}: not an object`];
    unknownKeys(inner, output, path, out);
    for (const [key, entry] of Object.entries(inner.entries ?? {})) {
      dataDifferences(entry, (input as Doc)[key], output[key], [...path, key], out);
    }
  } else if (input !== null && inner.type === 'array') {
    if (!Array.isArray(output) || output.length !== (input as unknown[]).length) {
      return [...out, `${where}: not the same list`];
    }
    (input as unknown[]).forEach((item, index) => {
      dataDifferences(inner.item!, item, output[index], [...path, index], out);
    });
  } else if (!Object.is(output, input)) {
    out.push(`${where}: ${JSON.stringify(output)} instead of ${JSON.stringify(input)}`);
  }
  return out;
}

function expectSuccess(node: SchemaNode, result: ParseResult<unknown>) {
  if (!result.success) throw new Error(`expected success, got: ${result.error.message}`);
  expect([...unknownKeys(node, result.output), ...contractViolations(result.output)]).toEqual([]);
  return result.output;
}

/** A typed failure: `invalid_response`, a short readable message, a path naming a schema field. */
function expectTypedFailure(node: SchemaNode, result: ParseResult<unknown>): CreditsResponseError {
  if (result.success) throw new Error('expected the document to be rejected');
  const { error } = result;
  expect(error).toBeInstanceOf(CreditsResponseError);
  expect(error.code).toBe('invalid_response');
  expect(typeof error.path).toBe('string');
  expect(error.message).toMatch(/^Invalid response: /);
  expect(error.message.length, 'the message stays short').toBeLessThanOrEqual(MAX_MESSAGE);
  if (error.path !== '') {
    expect(schemaAt(node, segmentsOf(error.path)), `${error.path} names a field`).toBeDefined();
    expect(error.message).toContain(`\`${error.path}\``);
  }
  return error;
}

// ---------------------------------------------------------------------------
// Unknown fields, hostile values, mutations
// ---------------------------------------------------------------------------

const extraKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''),
  fc.constantFrom('x-request-id', 'Total', 'total ', 'tier', 'deprecated_field'),
  fc.string({ maxLength: 12 }),
);
const extras = fc.array(fc.tuple(fc.nat(), extraKey, fc.jsonValue({ maxDepth: 2 })), {
  maxLength: 8,
});

/** Every value in a JSON tree, with its path. */
function nodesOf(
  value: unknown,
  path: Segment[] = [],
  out: { path: Segment[]; value: unknown }[] = [],
) {
  out.push({ path, value });
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      nodesOf(item, [...path, index], out);
    });
  } else if (isObject(value)) {
    for (const [key, child] of Object.entries(value)) nodesOf(child, [...path, key], out);
  }
  return out;
}

function valueAt(root: unknown, path: readonly Segment[]): unknown {
  return path.reduce<unknown>((value, segment) => (value as Doc)[segment], root);
}

/** Adds unknown fields to the document's objects, then sends it through JSON as a backend would. */
function withExtras(node: SchemaNode, doc: Doc, added: [number, string, unknown][]): Doc {
  const copy = JSON.parse(JSON.stringify(doc)) as Doc;
  const objects = nodesOf(copy).filter((entry) => isObject(entry.value));
  for (const [at, key, value] of added) {
    const target = objects[at % objects.length]!;
    const known = unwrap(schemaAt(node, target.path) ?? { type: 'unknown' }).entries ?? {};
    const object = target.value as Doc;
    if (Object.hasOwn(known, key) || Object.hasOwn(object, key)) continue;
    // defineProperty, so that `__proto__` becomes an own field as JSON.parse makes it.
    Object.defineProperty(object, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return JSON.parse(JSON.stringify(copy)) as Doc;
}

const nested = (depth: number, asArray: boolean) => {
  let value: unknown = 1;
  for (let level = 0; level < depth; level += 1) value = asArray ? [value] : { a: value };
  return value;
};

/** Numbers a JSON body can carry: `1e400` parses to Infinity, `-0` to -0. */
const hostileNumber = fc.constantFrom(
  1e308,
  -1e308,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  1.5,
  -0.5,
  0.1,
  -0,
  0,
  2 ** 53,
  -(2 ** 53),
  MAX,
  -MAX,
  1e21,
  5e-324,
);
const invalidTimestamp = fc.constantFrom(
  'yesterday',
  'Invalid Date',
  '2026-13-01T00:00:00Z',
  '2026-11-00T00:00:00Z',
  '2026-11-24',
  '2026-11-24T25:00:00Z',
  '2026-11-24T09:60:00Z',
  '2026-11-24T09:30:00',
  '2026-11-24T09:30:00.1234567890Z',
  '2026-11-24T09:30:00+24:00',
  ' 2026-11-24T09:30:00Z',
  '2026-11-24T09:30:00Z\n',
  '24/11/2026 09:30',
  '1795512600',
  '２０２６-11-24T09:30:00Z',
  '',
  // ISO 8601 but not RFC 3339, or days that do not exist: browsers disagree on these.
  '2026-11-24T09:30:00+01',
  '2026-11-24T09:30:00+0100',
  '2026-11-24T09:30:00 +01:00',
  '2026-11-24 09:30:00Z',
  '2026-02-31T00:00:00Z',
  '2026-02-29T00:00:00Z',
  '2100-02-29T00:00:00Z',
  '2026-04-31T00:00:00Z',
);
const unknownValue = fc.oneof(
  fc.constantFrom('TEST', 'Live', 'sandbox', 'test ', 'unknown', 'succeeded\u0000'),
  fc.string({ maxLength: 16 }),
);
/** Every known enum value, dropped anywhere (`status: "succeeded"` without a transaction…). */
const knownValue = fc.constantFrom(
  ...new Set([
    ...CREDITS_MODES,
    ...PURCHASE_STATUSES,
    ...SETUP_INTENT_STATUSES,
    ...TRANSACTION_TYPES,
    ...PAYMENT_METHOD_TYPES,
    ...SERVER_ERROR_CODES,
  ]),
);

type Mutation =
  | { op: 'delete' }
  | { op: 'set'; value: unknown }
  | { op: 'bigString'; char: string; length: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ op: 'delete' as const }),
  fc
    .oneof(
      hostileNumber,
      fc.double(),
      fc.integer(),
      invalidTimestamp,
      unknownValue,
      knownValue,
      fc.constantFrom(null, true, false, '', '0', '42', [], {}, [1], { amount: 1 }),
      fc.jsonValue({ maxDepth: 3 }),
      fc
        .tuple(fc.integer({ min: 1, max: 1000 }), fc.boolean())
        .map(([depth, asArray]) => nested(depth, asArray)),
    )
    .map((value) => ({ op: 'set' as const, value })),
  fc.record({
    op: fc.constant('bigString' as const),
    char: fc.constantFrom('A', '7', 'é', '€', '😀', '"', '\\', '\n', '\u0000', '<'),
    length: fc.integer({ min: 1024, max: BODY_LIMIT }),
  }),
);

/**
 * Repeats the items of one array until the body is about `size` long (the
 * document stays valid). Returns the body's length.
 */
function grow(doc: Doc, at: number, size: number): number {
  const length = JSON.stringify(doc).length;
  const arrays = nodesOf(doc).filter(
    (entry) => Array.isArray(entry.value) && entry.value.length > 0,
  );
  if (arrays.length === 0) return length;
  const items = arrays[at % arrays.length]!.value as unknown[];
  const texts = items.map((item) => JSON.stringify(item));
  const copies: string[] = [];
  let room = size - length;
  for (let index = 0; room > texts[index % texts.length]!.length; index += 1) {
    const text = texts[index % texts.length]!;
    copies.push(text);
    room -= text.length + 1;
  }
  items.push(...(JSON.parse(`[${copies.join(',')}]`) as unknown[]));
  return size - room;
}

function countNodes(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countNodes(item), 1);
  if (isObject(value))
    return Object.values(value).reduce((sum: number, v) => sum + countNodes(v), 1);
  return 1;
}

/** The path of the `index`-th value of a JSON tree, depth first (0 is the root). */
function pathOfNode(root: unknown, index: number): Segment[] {
  let remaining = index;
  const visit = (value: unknown, path: Segment[]): Segment[] | undefined => {
    if (remaining === 0) return path;
    remaining -= 1;
    const children: [Segment, unknown][] = Array.isArray(value)
      ? value.map((item, position) => [position, item])
      : isObject(value)
        ? Object.entries(value)
        : [];
    for (const [key, child] of children) {
      const size = countNodes(child);
      if (remaining < size) return visit(child, [...path, key]);
      remaining -= size;
    }
    return undefined;
  };
  return visit(root, [])!;
}

interface Applied {
  input: unknown;
  /** Where the document changed, and the value that is there now (undefined: absent). */
  changedAt: Segment[];
  changedTo: unknown;
  bodyLength: number;
}

/** Applies one change at `path` in place (the root is replaced instead). */
function applyMutation(doc: Doc, path: Segment[], bodyLength: number, change: Mutation): Applied {
  let value: unknown;
  if (change.op === 'bigString') {
    const unit = JSON.stringify(change.char).length - 2;
    const room = Math.max(0, Math.floor((BODY_LIMIT - bodyLength) / unit));
    value = change.char.repeat(Math.min(change.length, room) / change.char.length);
  } else if (change.op === 'set') {
    value = change.value;
  }
  const added = value === undefined ? 0 : (JSON.stringify(value)?.length ?? 0);
  if (path.length === 0)
    return { input: value, changedAt: [], changedTo: value, bodyLength: added };
  const parentPath = path.slice(0, -1);
  const parent = valueAt(doc, parentPath) as Doc | unknown[];
  const key = path.at(-1)!;
  if (change.op === 'delete' && Array.isArray(parent)) {
    parent.splice(key as number, 1);
    return { input: doc, changedAt: parentPath, changedTo: parent, bodyLength };
  }
  if (change.op === 'delete') delete (parent as Doc)[key];
  // defineProperty: a `__proto__` field stays an own field, as JSON.parse makes it.
  else
    Object.defineProperty(parent, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return { input: doc, changedAt: path, changedTo: value, bodyLength: bodyLength + added };
}

// ---------------------------------------------------------------------------
// Schema-derived fuzzer: the right shape mostly, the wrong thing anywhere
// ---------------------------------------------------------------------------

function fuzz(node: SchemaNode): fc.Arbitrary<unknown> {
  const wild = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    hostileNumber,
    fc.constantFrom(null, undefined),
  );
  if (node.wrapped) return fuzz(node.wrapped);
  const pipe = node.pipe ?? [];
  const requirement = (type: string) => pipe.find((action) => action.type === type)?.requirement;
  let shaped: fc.Arbitrary<unknown>;
  switch (node.type) {
    case 'object':
      shaped = fc.record(
        Object.fromEntries(
          Object.entries(node.entries ?? {}).map(([key, entry]) => [
            key,
            fc.option(fuzz(entry), { nil: undefined, freq: 12 }),
          ]),
        ),
      );
      break;
    case 'array':
      shaped = fc.array(fuzz(node.item!), { maxLength: 4 });
      break;
    case 'number': {
      const min = Math.max(-MAX, (requirement('min_value') as number | undefined) ?? -MAX);
      const max = Math.min(MAX, (requirement('max_value') as number | undefined) ?? MAX);
      shaped = fc.oneof(
        { weight: 6, arbitrary: fc.integer({ min, max }) },
        { weight: 1, arbitrary: hostileNumber },
        { weight: 1, arbitrary: fc.double() },
      );
      break;
    }
    case 'string': {
      const regex = requirement('regex');
      shaped = fc.oneof(
        { weight: 4, arbitrary: regex instanceof RegExp ? fc.stringMatching(regex) : text },
        {
          weight: pipe.some((a) => a.requirement === isTimestampRule) ? 6 : 0,
          arbitrary: timestamp,
        },
        { weight: 1, arbitrary: fc.oneof(invalidTimestamp, unknownValue, knownValue) },
      );
      break;
    }
    case 'boolean':
      shaped = fc.boolean();
      break;
    case 'picklist':
      shaped = fc.oneof(fc.constantFrom(...(node.options ?? [])), unknownValue);
      break;
    default:
      shaped = fc.jsonValue({ maxDepth: 2 });
  }
  return fc.oneof({ weight: 10, arbitrary: shaped }, { weight: 1, arbitrary: wild });
}

// ---------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------

/** Every schema the client validates responses with, named by the operations that use it. */
const targets = (() => {
  const byResponse = new Map<v.GenericSchema, string[]>();
  for (const [operationId, operation] of Object.entries(operations)) {
    byResponse.set(operation.response, [
      ...(byResponse.get(operation.response) ?? []),
      operationId,
    ]);
  }
  byResponse.set(problemSchema, ['error bodies (problem)']);
  return [...byResponse].map(([schema, users]) => ({ name: users.join(', '), schema }));
})();

it('has an arbitrary of valid documents for every response schema', () => {
  expect(targets.length).toBeGreaterThanOrEqual(9);
  for (const { name, schema } of targets) {
    expect(validDocuments.has(schema), `write a valid-document arbitrary for ${name}`).toBe(true);
  }
});

describe.each(targets)('$name', ({ schema }) => {
  const node = shape(schema);
  const valid = validDocuments.get(schema) ?? fc.constant<Doc>({});

  it('parses valid documents, keeps every value as sent and drops unknown fields', () => {
    fc.assert(
      fc.property(valid, extras, (doc, added) => {
        const input = withExtras(node, doc, added);
        const before = JSON.stringify(input);
        const result = parseWith(schema, input);
        if (!result.success) throw new Error(`rejected a valid document: ${result.error.message}`);
        const problems = [
          ...dataDifferences(node, doc, result.output),
          ...contractViolations(result.output),
        ];
        if (JSON.stringify(input) !== before) problems.push('the input was mutated');
        if (Object.keys(Object.prototype).length > 0)
          problems.push('Object.prototype was polluted');
        expect(problems).toEqual([]);
      }),
      RUNS,
    );
  });

  it('never throws on a mutated document (up to 64 KB): accepts it intact or names the bad field', () => {
    let accepted = 0;
    let rejected = 0;
    let largest = 0;
    fc.assert(
      fc.property(
        valid,
        extras,
        fc.option(fc.tuple(fc.nat(), fc.integer({ min: 1024, max: BODY_LIMIT - 8 * 1024 })), {
          freq: 2,
        }),
        fc.tuple(fc.boolean(), fc.nat()),
        mutation,
        (doc, added, growth, [topLevel, at], change) => {
          const grown = withExtras(node, doc, added);
          const bodyLength = growth
            ? grow(grown, growth[0], growth[1])
            : JSON.stringify(grown).length;
          // Half the time a top-level field (the rules live there), else any value.
          const fields = Object.keys(grown);
          const path = topLevel
            ? [fields[at % fields.length]!]
            : pathOfNode(grown, at % countNodes(grown));
          // A change inside an unknown field must leave the output as it was.
          const baseline =
            schemaAt(node, path) === undefined ? parseWith(schema, grown) : undefined;
          const applied = applyMutation(grown, path, bodyLength, change);
          largest = Math.max(largest, applied.bodyLength);
          expect(applied.bodyLength).toBeLessThanOrEqual(BODY_LIMIT + 1024);

          const result = parseWith(schema, applied.input);
          const where = dotPath(applied.changedAt);
          const entry = schemaAt(node, applied.changedAt);
          if (baseline !== undefined) {
            expect(expectSuccess(node, result)).toEqual(baseline.success && baseline.output);
            accepted += 1;
            return;
          }
          if (entry === undefined) throw new Error(`no schema at ${where}`);
          const fieldAccepts = v.safeParse(asSchema(entry), applied.changedTo).success;
          if (result.success) {
            expect(fieldAccepts, `accepted although \`${where}\` is invalid`).toBe(true);
            expectSuccess(node, result);
            accepted += 1;
            return;
          }
          const error = expectTypedFailure(node, result);
          if (fieldAccepts) {
            // A valid field can only break a rule of an enclosing object (the balance identity…).
            expect(isWithin(where, error.path) && error.path !== where, error.path).toBe(true);
          } else {
            // The bad field itself (or something inside it) is named.
            expect(isWithin(error.path, where), `${error.path} is within \`${where}\``).toBe(true);
          }
          rejected += 1;
        },
      ),
      RUNS,
    );
    expect(accepted, 'some mutated documents are still valid').toBeGreaterThan(0);
    expect(rejected, 'many mutations are caught').toBeGreaterThan(RUNS.numRuns / 10);
    expect(largest, 'bodies reach ~64 KB').toBeGreaterThan(48 * 1024);
  });

  it('never throws on fuzzed input and never lets a contract breach through', () => {
    const fuzzed = fuzz(node);
    fc.assert(
      fc.property(fuzzed, (input) => {
        const result = parseWith(schema, input);
        if (result.success) expectSuccess(node, result);
        else expectTypedFailure(node, result);
      }),
      RUNS,
    );
  });
});

describe('hostile values at a known field', () => {
  const rows = fixtures.transactions;
  it.each<[string, v.GenericSchema, unknown, string]>([
    [
      'Infinity credits (JSON 1e400)',
      balanceSchema,
      { ...fixtures.balance, total: JSON.parse('1e400') },
      'total',
    ],
    ['1e308 credits', balanceSchema, { ...fixtures.balance, total: 1e308 }, 'total'],
    ['fractional credits', balanceSchema, { ...fixtures.balance, used: 12_500.5 }, 'used'],
    ['negative credits', balanceSchema, { ...fixtures.balance, total: -1 }, 'total'],
    ['credits beyond 2^53', balanceSchema, { ...fixtures.balance, total: 2 ** 53 }, 'total'],
    ['credits as a string', balanceSchema, { ...fixtures.balance, total: '60000' }, 'total'],
    ['zero credits in a package', purchaseSchema, fixtures.purchase({ credits: 0 }), 'credits'],
    ['an unknown closed-enum value', configSchema, { ...fixtures.config, mode: 'staging' }, 'mode'],
    [
      'an invalid date deep in a list',
      transactionPageSchema,
      { data: [rows[0], { ...rows[1], createdAt: '2026-13-01T00:00:00Z' }], nextCursor: null },
      'data.1.createdAt',
    ],
    ['a problem with a 200 status', problemSchema, fixtures.problem(200, 'ok'), 'status'],
  ])('%s', (_, schema, input, path) => {
    const error = expectTypedFailure(shape(schema), parseWith(schema, input));
    expect(error.path).toBe(path);
  });

  it('keeps a 60 KB value out of the error message', () => {
    const currency = 'X'.repeat(60_000);
    const result = parseWith(configSchema, { ...fixtures.config, currency });
    const error = expectTypedFailure(shape(configSchema), result);
    expect(error.path).toBe('currency');
    expect(error.message).toMatch(/^Invalid response: `currency`: .*"XXXX/);
  });
});
