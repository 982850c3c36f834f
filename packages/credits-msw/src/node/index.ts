export { createFetchHandler, type FetchHandler } from './createFetchHandler.js';
export {
  type CreditsServer,
  type StartCreditsServerOptions,
  startCreditsServer,
} from './startCreditsServer.js';
