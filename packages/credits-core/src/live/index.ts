export type { HeadersResolver } from '../createTransport.js';
export type { EventStreamRequest } from './readEventStream.js';
export {
  type LiveCredits,
  type LiveCreditsOptions,
  type LiveStatus,
  type PageVisibility,
  startLiveCredits,
} from './startLiveCredits.js';
