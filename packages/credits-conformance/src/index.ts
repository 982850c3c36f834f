export { CheckFailure, CheckSkipped } from './CheckFailure.js';
export type { Check, CheckContext } from './createCheckContext.js';
export { formatHeader, formatReport, formatResult } from './formatReport.js';
export { conformanceChecks, runConformance } from './runConformance.js';
export type {
  CheckResult,
  CheckStatus,
  ConformanceOptions,
  ConformanceReport,
  ConformanceTarget,
  Exchange,
} from './types.js';
