/**
 * `credits-core/server`: what a backend of the contract needs and a browser never does — the
 * Server API (its schemas, operations and `createCreditsServerClient`, for the host's backend),
 * the contract's rules for requests (query parameters, media type, body limits, Idempotency-Key,
 * the default card), the one ProblemError class, the field errors a
 * `validation_failed` problem lists, and the demo ledger both seed. credits-server and credits-msw
 * use it.
 */

export {
  assembleUsageSeries,
  type UsageCell,
  type UsageSeriesQuery,
} from './assembleUsageSeries.js';
export { assertDeletable } from './assertDeletable.js';
export {
  type CreditsServerClient,
  type CreditsServerClientOptions,
  createCreditsServerClient,
} from './createCreditsServerClient.js';
export {
  type GenerateTransactionsOptions,
  generateTransactions,
  SEED_NOW,
  SEED_WEBSITES,
} from './generateTransactions.js';
export {
  idempotencyInProgress,
  idempotencyKeyReused,
  isStoredProblem,
  MAX_IDEMPOTENCY_KEY_LENGTH,
  requireIdempotencyKey,
} from './idempotencyRules.js';
export {
  AUTO_RECHARGE_ISSUE_MESSAGES,
  parseAutoRechargeSettings,
} from './parseAutoRechargeSettings.js';
export { parseRequestBody, parseRequestQuery } from './parseRequest.js';
export { ProblemError } from './problemError.js';
export {
  assertNoNulInUrl,
  bodyTooLarge,
  MAX_BODY_BYTES,
  MAX_BODY_DEPTH,
  readJsonBody,
  unstorableValue,
} from './readJsonBody.js';
export {
  type FieldError,
  isTimeZone,
  MAX_CURSOR_LENGTH,
  MAX_ID_LENGTH,
  MAX_SEARCH_LENGTH,
  MAX_TYPE_LENGTH,
  MAX_WEBSITE_ID_LENGTH,
  mediaTypeProblem,
  REQUEST_YEARS,
  type RequestProblem,
  type RequestValidation,
  requestTimestampSchema,
  searchParamsObject,
  transactionQuerySchema,
  USAGE_SERIES_LIMITS,
  usageQuerySchema,
  usageSeriesQuerySchema,
  validateRequest,
} from './requestValidation.js';
export {
  type CaptureHoldInput,
  type CreateAdjustmentInput,
  type CreateGrantInput,
  type CreateHoldInput,
  captureHoldBodySchema,
  createAdjustmentBodySchema,
  createGrantBodySchema,
  createHoldBodySchema,
  HOLD_STATUSES,
  type Hold,
  holdSchema,
  holdStatusSchema,
  type KnownHoldStatus,
  MAX_ACCOUNT_ID_LENGTH,
  type RecordUsageInput,
  recordUsageBodySchema,
} from './serverApiSchemas.js';
export {
  API_KEY_HEADER,
  SERVER_API_PREFIX,
  type ServerOperationDefinition,
  type ServerOperationId,
  serverOperations,
} from './serverOperations.js';
export { FIELD_LIMITS, usageBodySchema } from './usageBody.js';
export { type BucketBounds, bucketIndex, usageBuckets } from './usageBuckets.js';
