import type { BalanceLabels } from './CreditsLabels.js';

/** English defaults of BalanceCards' strings. */
export const balanceLabels: BalanceLabels = {
  balanceRegion: 'Credit balance',
  currentBalance: 'Current balance',
  usedCredits: 'Used credits',
  expiringSoon: 'Expiring soon',
  ofTotal: ({ formatted }) => `of ${formatted} total`,
  heldCredits: ({ formatted, plural }) =>
    `${formatted} ${plural === 'one' ? 'credit' : 'credits'} held for running jobs`,
  percentUsed: (percent) => `${percent} of your credits used`,
  creditsUsedBar: 'Share of credits used',
  expiresOn: ({ formatted, plural }, date) =>
    `${formatted} ${plural === 'one' ? 'credit expires' : 'credits expire'} on ${date}`,
  lowBalance: 'Your credit balance is low.',
  overdrawnBalance: 'Your credit balance is overdrawn.',
  emptyBalance: 'You have no credits yet.',
  balanceUpdated: ({ formatted, plural }) =>
    `Balance updated: ${formatted} ${plural === 'one' ? 'credit' : 'credits'} available.`,
};
