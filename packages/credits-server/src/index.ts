/**
 * `credits-server`: the credits contract on PostgreSQL (embedded PGlite by default) as a
 * Web-standard fetch handler, with the settings its CLI reads from the environment.
 */
export type { AuthSettings } from './auth/authSettingsFromEnv.js';
export { authSettingsFromEnv } from './auth/authSettingsFromEnv.js';
export type { JwtAuthSettings } from './auth/createJwtAccountResolver.js';
export {
  type CreditsServer,
  type CreditsServerOptions,
  createCreditsServer,
  modeOfKey,
  type PaymentSettings,
} from './createCreditsServer.js';
export type { DatabaseOptions } from './data/createDatabase.js';
export { databaseOptionsFromEnv, optionsFromEnv } from './optionsFromEnv.js';
export { type StartedCreditsServer, serveCredits } from './serveCredits.js';
export { type StartCreditsServerOptions, startCreditsServer } from './startCreditsServer.js';
export type { StripeSettings } from './stripe/createStripeGateway.js';
