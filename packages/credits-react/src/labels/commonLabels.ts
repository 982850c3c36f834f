import type { CommonLabels } from './CreditsLabels.js';

/** English defaults of the strings every widget shares: counts, retry, loading, errors. */
export const commonLabels: CommonLabels = {
  credits: ({ formatted, plural }) => `${formatted} ${plural === 'one' ? 'credit' : 'credits'}`,
  addCredits: 'Add credits',
  loadingBalance: 'Loading your credit balance…',
  retry: 'Retry',
  loadingHistory: 'Loading transactions…',
  opensInNewTab: '(opens in a new tab)',
  cancel: 'Cancel',
  separator: ' · ',
  errors: {
    default: 'Something went wrong. Please try again.',
    network_error: 'We can’t reach the server. Check your connection and try again.',
    timeout: 'The server took too long to answer. Please try again.',
    unauthenticated: 'Your session has ended. Sign in again to see your credits.',
    forbidden: 'Your account isn’t allowed to do this. Ask an administrator.',
    invalid_response: 'The server sent an answer we don’t understand. Please try again later.',
    rate_limited: 'Too many requests. Wait a moment and try again.',
    default_payment_method_required: 'Choose a new default card before deleting this one.',
    validation_failed: 'Please check the details and try again.',
    internal_error: 'The server had a problem. Please try again.',
    service_unavailable: 'The service is temporarily unavailable. Please try again.',
  },
};
