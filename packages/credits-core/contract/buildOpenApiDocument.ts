import { type JsonSchema, toJsonSchemaDefs } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import * as autoRecharge from '../src/autoRecharge/index';
import { CONTRACT_VERSION } from '../src/contractVersion';
import { type OperationId, operations } from '../src/operations';
import * as schemas from '../src/schemas/index';
import * as server from '../src/server/index';
import {
  autoRechargeExamples,
  autoRechargeOperationDocs,
  autoRechargeSchemaDocs,
} from './autoRechargeDocs';
import { eventSchemaDocs, eventsPath } from './eventsDocs';
import { type OperationDoc, operationDocs } from './operationDocs';
import { schemaDocs } from './schemaDocs';
import { schemaExamples } from './schemaExamples';
import { serverOperationDocs } from './serverOperationDocs';

/** Every named component, generated from the very schemas the client validates with. */
export const namedSchemas = {
  Config: schemas.configSchema,
  Limits: schemas.limitsSchema,
  Money: schemas.moneySchema,
  ExpiringGrant: schemas.expiringGrantSchema,
  Balance: schemas.balanceSchema,
  Website: schemas.websiteSchema,
  Transaction: schemas.transactionSchema,
  TransactionPage: schemas.transactionPageSchema,
  WebsiteUsage: schemas.websiteUsageSchema,
  UsageByWebsite: schemas.usageByWebsiteSchema,
  UsageSeriesEntry: schemas.usageSeriesEntrySchema,
  UsageBucket: schemas.usageBucketSchema,
  UsageSeries: schemas.usageSeriesSchema,
  CreditPackage: schemas.creditPackageSchema,
  CreditPackageList: schemas.creditPackageListSchema,
  PaymentFailure: schemas.paymentFailureSchema,
  Purchase: schemas.purchaseSchema,
  CreatePurchaseBody: schemas.createPurchaseBodySchema,
  CardDetails: schemas.cardDetailsSchema,
  PaymentMethod: schemas.paymentMethodSchema,
  PaymentMethodList: schemas.paymentMethodListSchema,
  SetupIntent: schemas.setupIntentSchema,
  SandboxConfirmBody: schemas.sandboxConfirmBodySchema,
  SandboxAuthenticateBody: schemas.sandboxAuthenticateBodySchema,
  Problem: schemas.problemSchema,
  UsageBody: server.recordUsageBodySchema,
  HoldBody: server.createHoldBodySchema,
  CaptureBody: server.captureHoldBodySchema,
  GrantBody: server.createGrantBodySchema,
  AdjustmentBody: server.createAdjustmentBodySchema,
  Hold: server.holdSchema,
  // Auto-recharge (autoRechargeDocs.ts).
  AutoRecharge: autoRecharge.autoRechargeSchema,
  AutoRechargeSettings: autoRecharge.autoRechargeSettingsSchema,
  AutoRechargeStatus: autoRecharge.autoRechargeStatusSchema,
  AutoRechargeAttempt: autoRecharge.autoRechargeAttemptSchema,
  // The event stream (eventsDocs.ts).
  ReadyEvent: schemas.readyEventSchema,
  BalanceEvent: schemas.balanceEventSchema,
  TransactionEvent: schemas.transactionEventSchema,
  PurchaseEvent: schemas.purchaseEventSchema,
  PaymentMethodsEvent: schemas.paymentMethodsEventSchema,
  AutoRechargeEvent: autoRecharge.autoRechargeEventSchema,
} satisfies Record<string, v.GenericSchema>;

/** Open enums accept any string at runtime; the document lists their known values. */
const openEnums = new Map<v.GenericSchema, readonly string[]>([
  [schemas.transactionTypeSchema, schemas.TRANSACTION_TYPES],
  [schemas.purchaseStatusSchema, schemas.PURCHASE_STATUSES],
  [schemas.setupIntentStatusSchema, schemas.SETUP_INTENT_STATUSES],
  [schemas.paymentMethodTypeSchema, schemas.PAYMENT_METHOD_TYPES],
  [schemas.errorCodeSchema, schemas.SERVER_ERROR_CODES],
  [server.holdStatusSchema, server.HOLD_STATUSES],
  [schemas.usageBucketUnitSchema, schemas.USAGE_BUCKETS],
  // Written inline in the purchase schema (a named schema would cost the client entry bytes).
  [schemas.purchaseSchema.pipe[0].entries.origin.wrapped, schemas.PURCHASE_ORIGINS],
  [autoRecharge.autoRechargeStateSchema, autoRecharge.AUTO_RECHARGE_STATES],
  [autoRecharge.autoRechargeOutcomeSchema, autoRecharge.AUTO_RECHARGE_OUTCOMES],
  [autoRecharge.autoRechargeDisabledReasonSchema, autoRecharge.AUTO_RECHARGE_DISABLED_REASONS],
]);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function nameOf(schema: v.GenericSchema): string {
  const entry = Object.entries(namedSchemas).find(([, candidate]) => candidate === schema);
  if (!entry) throw new Error('Every schema used by an operation must be named in namedSchemas');
  return entry[0];
}

type JsonObject = Record<string, unknown>;

/**
 * Adds the human descriptions and the example to a generated component, and fails on
 * undocumented fields or a missing example.
 */
function document(name: string, schema: JsonSchema): JsonObject {
  const doc = schemaDocs[name] ?? eventSchemaDocs[name] ?? autoRechargeSchemaDocs[name];
  if (!doc) throw new Error(`schemaDocs has no entry for ${name}`);
  const example = { ...schemaExamples, ...autoRechargeExamples }[
    name as keyof typeof schemaExamples | keyof typeof autoRechargeExamples
  ];
  if (!example) throw new Error(`schemaExamples has no example for ${name}`);
  const result: JsonObject = { description: doc.description, ...(schema as JsonObject) };
  const properties = result.properties as Record<string, JsonObject> | undefined;
  for (const [property, generated] of Object.entries(properties ?? {})) {
    const text = doc.properties?.[property];
    if (!text) throw new Error(`schemaDocs.${name} does not document "${property}"`);
    // A field with a default (`overdraftAllowed`, `expiring`, `Problem.type`) is optional on
    // the wire: a backend may leave it out and the client fills the default in. Type
    // generators read a `default` keyword as "always present" (openapi-typescript makes the
    // field required), so the default is stated in the description only.
    const { default: _default, ...value } = generated;
    // A $ref cannot carry siblings in every tool: wrap it so the description survives.
    properties![property] = value.$ref
      ? { description: text, allOf: [value] }
      : { description: text, ...value };
  }
  return { ...result, examples: [example] };
}

function components() {
  const generated = toJsonSchemaDefs(namedSchemas, {
    target: 'draft-2020-12',
    errorMode: 'throw',
    // `check`s are cross-field invariants, written in the descriptions instead, and
    // the timestamp's calendar check, which is what RFC 3339 `date-time` means.
    overrideAction: ({ valibotAction, jsonSchema }) =>
      valibotAction.type !== 'check'
        ? undefined
        : (valibotAction as v.CheckAction<string, undefined>).requirement === schemas.isTimestamp
          ? { ...jsonSchema, format: 'date-time' }
          : jsonSchema,
    overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
    overrideSchema: ({ valibotSchema }) => {
      const known = openEnums.get(valibotSchema);
      return known && { anyOf: [{ enum: [...known], type: 'string' }, { type: 'string' }] };
    },
  });
  const documented: JsonObject = {};
  for (const name of Object.keys(namedSchemas)) {
    documented[name] = document(name, generated[name as keyof typeof namedSchemas]);
  }
  return documented;
}

const problemContent = { 'application/problem+json': { schema: ref('Problem') } };
const errorResponses = {
  BadRequest: {
    description:
      'Malformed parameters, headers or body (`validation_failed`); `errors[]` names each field that is wrong.',
    content: problemContent,
  },
  Unauthenticated: {
    description:
      'No valid credentials (`unauthenticated`). Clients call their `onUnauthorized` hook.',
    content: problemContent,
  },
  Forbidden: {
    description:
      'Authenticated but not allowed (`forbidden`, e.g. may view but not buy), or `sandbox_unavailable` in live mode.',
    content: problemContent,
  },
  NotFound: {
    description: 'No such resource for this account (`not_found`).',
    content: problemContent,
  },
  Conflict: {
    description:
      '`idempotency_in_progress`, `default_payment_method_required` or `purchase_not_confirmable`.',
    content: problemContent,
  },
  InsufficientCredits: {
    description:
      '`insufficient_credits`: the account’s `available` credits (after holds) cannot cover it, and it may not overdraw. Nothing moved.',
    content: problemContent,
  },
  Unprocessable: {
    description:
      '`idempotency_key_reused`, a semantically invalid request (`validation_failed`), or `payment_method_required` (turning auto-recharge on without a saved, unexpired card).',
    content: problemContent,
  },
  RateLimited: {
    description: 'Too many requests (`rate_limited`). Wait `Retry-After` seconds.',
    headers: {
      'Retry-After': {
        description: 'Seconds to wait before retrying.',
        schema: { type: 'integer', minimum: 0 },
      },
    },
    content: problemContent,
  },
  PayloadTooLarge: {
    description:
      'A body over 64 KiB (`validation_failed`); it is not read in full. The contract’s bodies are a few hundred bytes.',
    content: problemContent,
  },
  UnsupportedMediaType: {
    description:
      'A body that is not sent as `application/json` (`validation_failed`). Refusing it keeps a cross-site form or `text/plain` request from acting for a signed-in user.',
    content: problemContent,
  },
  ServerError: {
    description:
      'The backend failed (500 `internal_error`) or is unavailable (502–504 `service_unavailable`). Clients retry GETs with backoff.',
    content: problemContent,
  },
};

/** Statuses every operation may answer. */
const commonResponses = {
  401: 'Unauthenticated',
  403: 'Forbidden',
  429: 'RateLimited',
  500: 'ServerError',
  502: 'ServerError',
  503: 'ServerError',
  504: 'ServerError',
};

/** Where credits-server and credits-msw mount the contract. */
export const DEFAULT_SERVER_URL = 'http://localhost:8787/api/credits/v1';

const statusResponse: Record<number, string> = {
  400: 'BadRequest',
  402: 'InsufficientCredits',
  404: 'NotFound',
  409: 'Conflict',
  413: 'PayloadTooLarge',
  415: 'UnsupportedMediaType',
  422: 'Unprocessable',
};

type AnyOperation =
  | (typeof operations)[OperationId]
  | server.ServerOperationDefinition
  | autoRecharge.AutoRechargeOperationDefinition;

/** Both parts of the contract: the browser's operations, then the Server API's. */
const allOperations = (): [string, AnyOperation, OperationDoc][] => [
  ...(Object.entries(operations) as [OperationId, AnyOperation][]).map(
    ([id, operation]): [string, AnyOperation, OperationDoc] => [id, operation, operationDocs[id]],
  ),
  ...(
    Object.entries(autoRecharge.autoRechargeOperations) as [
      autoRecharge.AutoRechargeOperationId,
      AnyOperation,
    ][]
  ).map(([id, operation]): [string, AnyOperation, OperationDoc] => [
    id,
    operation,
    autoRechargeOperationDocs[id],
  ]),
  ...(Object.entries(server.serverOperations) as [server.ServerOperationId, AnyOperation][]).map(
    ([id, operation]): [string, AnyOperation, OperationDoc] => [
      id,
      operation,
      serverOperationDocs[id],
    ],
  ),
];

function paths() {
  const result: Record<string, Record<string, unknown>> = {};
  for (const [id, operation, doc] of allOperations()) {
    const isServer = doc.tag === 'Server API';
    const body = doc.body ?? ('body' in operation ? operation.body : undefined);
    const parameters: unknown[] = [];
    for (const [, name = ''] of operation.path.matchAll(/\{(\w+)\}/g)) {
      parameters.push({
        name,
        in: 'path',
        required: true,
        description: `The ${name.replace(/Id$/, '')} id.`,
        schema:
          name === 'accountId'
            ? { type: 'string', minLength: 1, maxLength: server.MAX_ACCOUNT_ID_LENGTH }
            : { type: 'string' },
      });
    }
    for (const query of doc.query ?? []) {
      parameters.push({
        name: query.name,
        in: 'query',
        required: false,
        description: query.description,
        schema: query.schema,
        ...(query.explode ? { style: 'form', explode: true } : {}),
      });
    }
    if ('idempotent' in operation)
      parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });

    const responses: Record<string, unknown> = {
      [doc.status]: {
        description: doc.response,
        content: { 'application/json': { schema: ref(nameOf(operation.response)) } },
      },
    };
    const errorStatuses = [...(doc.errors ?? []), ...(body ? [413, 415] : [])];
    for (const status of errorStatuses) {
      responses[status] = { $ref: `#/components/responses/${statusResponse[status]}` };
    }
    for (const [status, name] of Object.entries(commonResponses)) {
      responses[status] = { $ref: `#/components/responses/${name}` };
    }

    result[operation.path] ??= {};
    const path = result[operation.path]!;
    path[operation.method.toLowerCase()] = {
      operationId: id,
      tags: [doc.tag],
      summary: doc.summary,
      description: doc.description,
      ...(parameters.length > 0 ? { parameters } : {}),
      ...(body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: ref(nameOf(body)) } },
            },
          }
        : {}),
      responses,
      // The Server API takes the secret key only; the browser's operations never take it.
      ...(isServer ? { security: [{ apiKeyAuth: [] }] } : {}),
      ...('sandbox' in operation ? { 'x-test-mode-only': true } : {}),
    };
  }
  return result;
}

/** The OpenAPI 3.1 document of the credits contract, built from the client's own schemas. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Credits contract',
      version: `${CONTRACT_VERSION}.0`,
      summary:
        'The HTTP contract behind the credits widgets: balance, ledger, packages, purchases, payment methods.',
      description:
        'Any backend implementing this document works with `credits-core` and `credits-react`. Read CONTRACT.md for the rules that a schema cannot express: idempotency, the ledger invariants, versioning, and sandbox payments.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: '{baseUrl}',
        description: 'Wherever the host mounts the credits API.',
        variables: { baseUrl: { default: DEFAULT_SERVER_URL } },
      },
    ],
    security: [{ bearerAuth: [] }, { cookieAuth: [] }],
    tags: [
      { name: 'Account', description: 'Configuration and balance.' },
      { name: 'Ledger', description: 'The append-only history of credit movements.' },
      { name: 'Purchases', description: 'One-time credit packages and their payment.' },
      { name: 'Payment methods', description: 'Saved cards and wallets.' },
      {
        name: 'Auto-recharge',
        description:
          'Top up before the balance runs dry, within a monthly cap the user chose (CONTRACT.md, “Auto-recharge”).',
      },
      {
        name: 'Sandbox',
        description: 'Test-mode payments with Stripe test tokens, for offline development.',
      },
      {
        name: 'Server API',
        description:
          'The contract’s second part, for the host’s own backend: record usage, hold and capture, grant and adjust, read any account’s balance. Authenticated by the secret API key (`X-Api-Key`) only: a browser’s token is never accepted here, and the key is never accepted by the browser’s operations. Never call it from a browser.',
      },
    ],
    paths: <Record<string, Record<string, unknown>>>{
      ...paths(),
      ...eventsPath(
        Object.fromEntries(
          Object.entries(commonResponses).map(([status, name]) => [
            status,
            { $ref: `#/components/responses/${name}` },
          ]),
        ),
      ),
    },
    components: {
      schemas: components(),
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: true,
          description:
            'A unique key per attempt (a UUID): a purchase, a card setup, or a Server API write. Retrying the same attempt with the same key never charges or debits twice.',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
      },
      responses: errorResponses,
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'A token the host app issues.' },
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: 'session',
          description: 'The host app’s session cookie.',
        },
        apiKeyAuth: {
          type: 'apiKey',
          in: 'header',
          name: server.API_KEY_HEADER,
          description:
            'The Server API’s secret key (`sk_…`, at least 24 characters), kept on the host’s server. Only the Server API accepts it; a request to a browser operation that carries it is refused with 401.',
        },
      },
    },
    'x-error-codes': [...schemas.SERVER_ERROR_CODES],
  };
}

export function serializeOpenApiDocument(): string {
  return `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`;
}
