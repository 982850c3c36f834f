/**
 * `credits-core/server`: what a backend of the contract needs and a browser never does —
 * the contract's rules for requests (query parameters, media type) and the field errors a
 * `validation_failed` problem lists. The reference server and credits-msw validate with it.
 */
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
