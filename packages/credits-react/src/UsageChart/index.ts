export { UsageChart, type UsageChartProps } from './UsageChart.js';
