export type { HeadersResolver } from '../createTransport.js';
export type { PageVisibility } from './documentVisibility.js';
export type { EventStreamRequest } from './readEventStream.js';
export {
  type LiveCredits,
  type LiveCreditsOptions,
  type LiveStatus,
  startLiveCredits,
} from './startLiveCredits.js';
