import type { HistoryLabels } from './CreditsLabels.js';

/** English defaults of HistoryTable's and UsageByWebsite's strings. */
export const historyLabels: HistoryLabels = {
  history: 'Transaction history',
  columns: {
    date: 'Date',
    description: 'Description',
    amount: 'Amount',
    balance: 'Balance',
    website: 'Website',
  },
  transactionTypes: {
    purchase: 'Purchase',
    usage: 'Usage',
    grant: 'Grant',
    refund: 'Refund',
    adjustment: 'Adjustment',
    expiry: 'Expiry',
    other: 'Other',
  },
  filters: 'Filter transactions',
  filterType: 'Type',
  allTypes: 'All types',
  filterWebsite: 'Website',
  allWebsites: 'All websites',
  filterFrom: 'From',
  filterTo: 'To',
  anyDate: 'Any date',
  search: 'Search',
  searchPlaceholder: 'Description or website',
  clearFilters: 'Clear filters',
  noTransactions: 'No transactions yet. Credits you buy and spend will show up here.',
  noMatches: 'No transactions match these filters.',
  loadMore: 'Load more',
  loadingMore: 'Loading more transactions…',
  showing: ({ formatted, plural }) =>
    `Showing ${formatted} ${plural === 'one' ? 'transaction' : 'transactions'}`,
  endOfHistory: 'That’s the whole history.',
  exportCsv: 'Export CSV',
  exporting: ({ formatted, plural }) =>
    `Exporting… ${formatted} ${plural === 'one' ? 'row' : 'rows'}`,
  exportDone: ({ formatted, plural }) =>
    `Exported ${formatted} ${plural === 'one' ? 'row' : 'rows'}.`,
  exportFailed: 'The export failed. Please try again.',
  usageByWebsite: 'Usage by website',
  usagePeriod: 'Last 30 days',
  loadingUsage: 'Loading usage by website…',
  noUsage: 'No credits spent in this period.',
  showMoreWebsites: 'Show more websites',
  websitesShown: ({ formatted, plural }) =>
    `Showing ${formatted} ${plural === 'one' ? 'website' : 'websites'}`,
};
