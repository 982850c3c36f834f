/**
 * `credits-core/server`: what a backend of the contract needs and a browser never does —
 * the contract's rules for requests (query parameters, media type) and the field errors a
 * `validation_failed` problem lists, and the demo ledger both seed. credits-server and credits-msw
 * use it.
 */
export {
  type GenerateTransactionsOptions,
  generateTransactions,
  SEED_NOW,
  SEED_WEBSITES,
} from './generateTransactions.js';
export {
  type FieldError,
  MAX_SEARCH_LENGTH,
  mediaTypeProblem,
  type RequestProblem,
  type RequestValidation,
  searchParamsObject,
  transactionQuerySchema,
  usageQuerySchema,
  validateRequest,
} from './requestValidation.js';
