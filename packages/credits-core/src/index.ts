export {
  type ClientErrorCode,
  CreditsAbortError,
  CreditsAuthError,
  CreditsError,
  type CreditsErrorCode,
  type CreditsErrorOptions,
  CreditsHttpError,
  CreditsNetworkError,
  CreditsResponseError,
  isCreditsError,
} from './CreditsError';
export {
  type CreditsClient,
  type CreditsClientOptions,
  createCreditsClient,
  type DeletePaymentMethodParams,
  type IdempotentRequestOptions,
  type ListTransactionsParams,
  type RequestOptions,
  type TransactionFilters,
  type UsageByWebsiteParams,
} from './createCreditsClient';
export { createIdempotencyKey } from './createIdempotencyKey';
export type { RetryOptions } from './createTransport';
export { type FormatCreditsOptions, formatCredits } from './format/formatCredits';
export { type FormatDateOptions, formatDate } from './format/formatDate';
export {
  currencyDigits,
  type FormatMoneyOptions,
  formatMoney,
  minorUnitsToDecimal,
} from './format/formatMoney';
export { type FormatPercentOptions, formatPercent, percentUsed } from './format/formatPercent';
export { textDirection } from './format/textDirection';
export {
  type HttpMethod,
  type OperationDefinition,
  type OperationId,
  operations,
} from './operations';
export { type ParseResult, parseWith } from './parseWith';
export * from './schemas/index';
