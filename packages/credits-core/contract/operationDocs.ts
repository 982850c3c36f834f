import type * as v from 'valibot';
import type { OperationId } from '../src/operations';
import {
  createPurchaseBodySchema,
  sandboxAuthenticateBodySchema,
  sandboxConfirmBodySchema,
  USAGE_BUCKETS,
} from '../src/schemas/index';
import {
  MAX_CURSOR_LENGTH,
  MAX_ID_LENGTH,
  MAX_SEARCH_LENGTH,
  MAX_TYPE_LENGTH,
  MAX_WEBSITE_ID_LENGTH,
  REQUEST_YEARS,
  USAGE_SERIES_LIMITS,
} from '../src/server/index';

export interface ParameterDoc {
  name: string;
  description: string;
  schema: Record<string, unknown>;
  explode?: boolean;
}

export interface OperationDoc {
  tag:
    | 'Account'
    | 'Ledger'
    | 'Purchases'
    | 'Payment methods'
    | 'Auto-recharge'
    | 'Sandbox'
    | 'Server API';
  summary: string;
  description: string;
  /** Status of the successful answer. */
  status: 200 | 201;
  response: string;
  /** The JSON request body (documentation only: the client sends typed input, the server validates). */
  body?: v.GenericSchema;
  query?: ParameterDoc[];
  /** Error statuses this operation documents besides the common ones (and 415 with a body). */
  errors?: Array<400 | 402 | 404 | 409 | 422>;
}

/** A timestamp in a request: RFC 3339, in the years PostgreSQL and Date both store (else 400). */
const dateTime = {
  type: 'string',
  format: 'date-time',
  description: `An instant in the years ${REQUEST_YEARS.min} to ${REQUEST_YEARS.max} (UTC); others are refused with 400.`,
};

export const operationDocs: Record<OperationId, OperationDoc> = {
  getConfig: {
    tag: 'Account',
    summary: 'Read the backend’s configuration',
    description: 'Mode (`test`/`live`), Stripe publishable key, default currency and limits.',
    status: 200,
    response: 'The configuration.',
  },
  getBalance: {
    tag: 'Account',
    summary: 'Read the balance',
    description: 'Total, used and available credits of the authenticated account.',
    status: 200,
    response: 'The balance.',
  },
  listTransactions: {
    tag: 'Ledger',
    summary: 'List ledger transactions',
    description:
      'The append-only ledger, newest first, with cursor pagination. All filters are applied by the server, and combine with AND. A cursor is only valid with the filters it was issued for.',
    status: 200,
    response: 'One page of transactions.',
    errors: [400],
    query: [
      {
        name: 'limit',
        description:
          'Page size, 1 to `Config.limits.maxPageSize` (larger values are clamped). Default `Config.limits.defaultPageSize`.',
        schema: { type: 'integer', minimum: 1 },
      },
      {
        name: 'cursor',
        description: 'The previous page’s `nextCursor`.',
        schema: { type: 'string', maxLength: MAX_CURSOR_LENGTH },
      },
      {
        name: 'type',
        description:
          'Only these transaction types. Repeat the parameter for several (`type=purchase&type=refund`).',
        schema: { type: 'array', items: { type: 'string', maxLength: MAX_TYPE_LENGTH } },
        explode: true,
      },
      {
        name: 'websiteId',
        description: 'Only rows of this website.',
        schema: { type: 'string', maxLength: MAX_WEBSITE_ID_LENGTH },
      },
      {
        name: 'from',
        description: 'Only rows created at or after this instant.',
        schema: dateTime,
      },
      { name: 'to', description: 'Only rows created before this instant.', schema: dateTime },
      {
        name: 'search',
        description: 'Case-insensitive text matched against the description and the website name.',
        schema: { type: 'string', maxLength: MAX_SEARCH_LENGTH },
      },
    ],
  },
  getUsageByWebsite: {
    tag: 'Ledger',
    summary: 'Credits spent per website',
    description: 'Sums `usage` rows per website over a period. Default period: the last 30 days.',
    status: 200,
    response: 'Usage per website.',
    errors: [400],
    query: [
      { name: 'from', description: 'Start of the period (inclusive).', schema: dateTime },
      { name: 'to', description: 'End of the period (exclusive). Default: now.', schema: dateTime },
      {
        name: 'limit',
        description:
          'Websites per page, 1 to `Config.limits.maxPageSize` (larger values are clamped). Default `Config.limits.defaultPageSize`.',
        schema: { type: 'integer', minimum: 1 },
      },
      {
        name: 'cursor',
        description:
          'The previous page’s `nextCursor`; only valid with the period it was issued for.',
        schema: { type: 'string', maxLength: MAX_CURSOR_LENGTH },
      },
    ],
  },
  getUsageSeries: {
    tag: 'Ledger',
    summary: 'Credits used, bought and granted over time',
    description: `Buckets of a day, an ISO week or a month in the user’s time zone, starting at local midnight (daylight-saving days have 23 or 25 hours), the first and last clipped to the range. Each bucket’s totals equal the ledger’s rows in it. The range is at most ${USAGE_SERIES_LIMITS.maxRangeDays} days and ${USAGE_SERIES_LIMITS.maxBuckets} buckets; more is a 400 \`validation_failed\` naming \`to\` or \`bucket\`.`,
    status: 200,
    response: 'The usage series.',
    errors: [400],
    query: [
      {
        name: 'from',
        description: 'Start of the range (inclusive). Required.',
        schema: dateTime,
      },
      {
        name: 'to',
        description: `End of the range (exclusive), after \`from\` and at most ${USAGE_SERIES_LIMITS.maxRangeDays} days later. Required.`,
        schema: dateTime,
      },
      {
        name: 'bucket',
        description: 'The bucket unit. Default `day`.',
        schema: { type: 'string', enum: [...USAGE_BUCKETS] },
      },
      {
        name: 'timeZone',
        description: 'The IANA time zone buckets follow (`Europe/Berlin`). Default `UTC`.',
        schema: { type: 'string', maxLength: 64 },
      },
      {
        name: 'groupBy',
        description: '`website`: split usage into a series per top website and "other".',
        schema: { type: 'string', enum: ['website'] },
      },
      {
        name: 'top',
        description: `With \`groupBy\`: how many websites get their own series, 1 to ${USAGE_SERIES_LIMITS.maxTop}. Default ${USAGE_SERIES_LIMITS.defaultTop}.`,
        schema: { type: 'integer', minimum: 1, maximum: USAGE_SERIES_LIMITS.maxTop },
      },
    ],
  },
  listPackages: {
    tag: 'Purchases',
    summary: 'List credit packages on sale',
    description: 'One-time packages, in display order, with prices in integer minor units.',
    status: 200,
    response: 'The packages.',
  },
  createPurchase: {
    body: createPurchaseBodySchema,
    tag: 'Purchases',
    summary: 'Buy a credit package',
    description:
      'Creates a purchase (a PaymentIntent for the package’s price, decided by the server). **Requires an `Idempotency-Key` header.** Same key and same body: the first purchase is returned again, never a second charge. Same key, different body: 422 `idempotency_key_reused`. Same key while the first request is still running: 409 `idempotency_in_progress` (retry later with the same key). Keys are kept at least 24 hours.',
    status: 201,
    response: 'The purchase. A replay with the same key answers with the first response.',
    errors: [400, 404, 409, 422],
  },
  getPurchase: {
    tag: 'Purchases',
    summary: 'Read one purchase',
    description:
      'For polling after confirmation. Once `succeeded`, the purchase carries the ledger transaction and the new balance, so the client shows them with no further request. A backend may settle the payment here (retrieving a succeeded PaymentIntent) without waiting for the webhook; credits are still granted exactly once.',
    status: 200,
    response: 'The purchase.',
    errors: [404],
  },
  listPaymentMethods: {
    tag: 'Payment methods',
    summary: 'List saved payment methods',
    description: 'Default first. Exactly one is the default while any exists.',
    status: 200,
    response: 'The payment methods.',
  },
  createSetupIntent: {
    tag: 'Payment methods',
    summary: 'Start saving a new card',
    description:
      'Creates a SetupIntent; the client confirms it with Stripe.js or, in test mode, the sandbox. **Requires an `Idempotency-Key` header**, with the same rules as purchases. The first saved method becomes the default.',
    status: 201,
    response: 'The SetupIntent.',
    errors: [400, 409, 422],
  },
  setDefaultPaymentMethod: {
    tag: 'Payment methods',
    summary: 'Make a payment method the default',
    description: 'The previous default stops being the default in the same step. Idempotent.',
    status: 200,
    response: 'The whole updated list.',
    errors: [404],
  },
  deletePaymentMethod: {
    tag: 'Payment methods',
    summary: 'Delete a saved payment method',
    description:
      'Deleting the default while others remain requires `newDefaultId`; without it the answer is 409 `default_payment_method_required`, and with one that is not another saved method (unknown, or the deleted one itself) 400 `validation_failed`. The last remaining method can always be deleted.',
    status: 200,
    response: 'The whole updated list.',
    errors: [400, 404, 409],
    query: [
      {
        name: 'newDefaultId',
        description: 'The method that becomes the default when the deleted one was the default.',
        schema: { type: 'string', maxLength: MAX_ID_LENGTH },
      },
    ],
  },
  sandboxConfirmPurchase: {
    body: sandboxConfirmBodySchema,
    tag: 'Sandbox',
    summary: 'Confirm a purchase with a test token (test mode)',
    description:
      'Behaves as Stripe confirming the PaymentIntent with the given test token: `pm_card_visa` succeeds (credits granted at once), `pm_card_threeDSecure2Required` moves to `requires_action`, the decline tokens leave the purchase in `requires_payment_method` with `failure` set (`card_declined`, `insufficient_funds`), confirmable with another card. A decline is a state of the purchase, not an HTTP error. Confirming a settled purchase returns it unchanged: it is never charged twice. In live mode: 403 `sandbox_unavailable`.',
    status: 200,
    response: 'The purchase after confirmation.',
    errors: [400, 404, 409],
  },
  sandboxAuthenticatePurchase: {
    body: sandboxAuthenticateBodySchema,
    tag: 'Sandbox',
    summary: 'Answer a purchase’s 3D Secure challenge (test mode)',
    description:
      '`complete`: the payment succeeds and credits are granted. `fail`: the purchase returns to `requires_payment_method` with failure `authentication_failed`. Only valid in `requires_action` (409 `purchase_not_confirmable` otherwise).',
    status: 200,
    response: 'The purchase after the challenge.',
    errors: [400, 404, 409],
  },
  sandboxConfirmSetupIntent: {
    body: sandboxConfirmBodySchema,
    tag: 'Sandbox',
    summary: 'Confirm a SetupIntent with a test token (test mode)',
    description:
      'Saves the test card. 3D Secure tokens move it to `requires_action`; decline tokens leave it in `requires_payment_method` with `failure` set.',
    status: 200,
    response: 'The SetupIntent after confirmation.',
    errors: [400, 404, 409],
  },
  sandboxAuthenticateSetupIntent: {
    body: sandboxAuthenticateBodySchema,
    tag: 'Sandbox',
    summary: 'Answer a SetupIntent’s 3D Secure challenge (test mode)',
    description:
      '`complete` saves the card; `fail` leaves it unsaved with failure `authentication_failed`.',
    status: 200,
    response: 'The SetupIntent after the challenge.',
    errors: [400, 404, 409],
  },
};
