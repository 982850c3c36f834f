import type { UsageChartLabels } from './CreditsLabels.js';

/** English defaults of UsageChart's and the usage period picker's strings. */
export const usageChartLabels: UsageChartLabels = {
  usageChart: 'Credits used over time',
  period: 'Period',
  periods: {
    last7: 'Last 7 days',
    last30: 'Last 30 days',
    last90: 'Last 90 days',
    thisMonth: 'This month',
    custom: 'Custom',
  },
  periodFrom: 'From',
  periodTo: 'To',
  totalUsed: ({ formatted, plural }) =>
    `${formatted} ${plural === 'one' ? 'credit' : 'credits'} used`,
  changeVsPrevious: (percent) => `${percent} vs the previous period`,
  noPreviousUsage: 'Nothing used in the previous period',
  chartSummary: ({ formatted, plural }, topWebsite, busiest) =>
    [
      `${formatted} ${plural === 'one' ? 'credit' : 'credits'} used in this period.`,
      topWebsite ? `Most used by ${topWebsite}.` : '',
      busiest ? `Busiest: ${busiest}.` : '',
    ]
      .filter(Boolean)
      .join(' '),
  otherWebsites: 'Other websites',
  purchased: 'Purchased',
  barLabel: (date, parts) => `${date}: ${parts}`,
  showTable: 'Show as table',
  showChart: 'Show as chart',
  tablePeriod: 'Period',
  tableTotal: 'Total used',
  exportChartCsv: 'Export CSV',
  loadingChart: 'Loading usage over time…',
  noUsageInPeriod: 'No credits used in this period.',
  selected: (website) => `Showing ${website} only`,
  clearSelection: 'Show all websites',
};
