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
} from './CreditsError.js';
export { choosePaymentMethod, expiryStatus } from './choosePaymentMethod.js';
export { CONTRACT_VERSION } from './contractVersion.js';
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
  type UsageSeriesParams,
} from './createCreditsClient.js';
export { createIdempotencyKey } from './createIdempotencyKey.js';
export type { RetryOptions } from './createTransport.js';
export { type FormatCreditsOptions, formatCredits } from './format/formatCredits.js';
export { type FormatDateOptions, formatDate } from './format/formatDate.js';
export {
  currencyDigits,
  type FormatMoneyOptions,
  formatMoney,
  minorUnitsToDecimal,
} from './format/formatMoney.js';
export { type FormatPercentOptions, formatPercent, percentUsed } from './format/formatPercent.js';
export { textDirection } from './format/textDirection.js';
export { zonedDayStart } from './format/zonedDayStart.js';
export { isPurchaseSettled } from './isPurchaseSettled.js';
export {
  type HttpMethod,
  type OperationDefinition,
  type OperationId,
  operations,
} from './operations.js';
export { type ParseResult, parseWith } from './parseWith.js';
export { safeHttpUrl } from './safeHttpUrl.js';
export * from './schemas/index.js';
export { MAX_SEARCH_LENGTH } from './searchLimit.js';
