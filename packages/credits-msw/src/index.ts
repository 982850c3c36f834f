/** The packages the fake sells by default: the sandbox catalog from `credits-core/sandbox`. */
export { SANDBOX_PACKAGES as DEFAULT_PACKAGES } from 'credits-core/sandbox';
export {
  type GenerateTransactionsOptions,
  generateTransactions,
  ProblemError,
  SEED_NOW,
  SEED_WEBSITES,
} from 'credits-core/server';
export {
  type BackendResult,
  type CreditsBackend,
  type CreditsBackendOptions,
  createCreditsBackend,
  DEFAULT_ACCOUNT_ID,
} from './createCreditsBackend.js';
export {
  type CreditsHandlersOptions,
  createCreditsHandlers,
  DEFAULT_BASE_URL,
  DEFAULT_SERVER_API_KEY,
} from './createCreditsHandlers.js';
export type { EventStreamBehaviour } from './createEventFeed.js';
export { createLedger, type Ledger, type LedgerFilters } from './createLedger.js';
export { type CreditsScenario, type CreditsScenarioName, creditsScenarios } from './scenarios.js';
