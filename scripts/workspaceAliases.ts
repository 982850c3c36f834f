import { fileURLToPath } from 'node:url';

const source = (path: string) => fileURLToPath(new URL(`../packages/${path}`, import.meta.url));

/**
 * Workspace packages resolved to their sources, so Vitest and Storybook need
 * no build. Most specific first: `credits-core/query` before `credits-core`.
 * (tsconfig.json's `paths` say the same for the type checker.)
 */
export const workspaceAliases = {
  'credits-core/openapi.json': source('credits-core/openapi.json'),
  'credits-core/sandbox': source('credits-core/src/sandbox/index.ts'),
  'credits-core/payments': source('credits-core/src/payments/index.ts'),
  'credits-core/export': source('credits-core/src/export/index.ts'),
  'credits-core/live': source('credits-core/src/live/index.ts'),
  'credits-core/auto-recharge': source('credits-core/src/autoRecharge/index.ts'),
  'credits-core/server': source('credits-core/src/server/index.ts'),
  'credits-core/query': source('credits-core/src/query/index.ts'),
  'credits-core': source('credits-core/src/index.ts'),
  'credits-msw/node': source('credits-msw/src/node/index.ts'),
  'credits-msw': source('credits-msw/src/index.ts'),
  'credits-conformance': source('credits-conformance/src/index.ts'),
  'credits-react/auto-recharge-status': source('credits-react/src/AutoRechargeSettings/status.ts'),
  'credits-react/auto-recharge': source('credits-react/src/AutoRechargeSettings/index.ts'),
  'credits-react/usage-chart': source('credits-react/src/UsageChart/index.ts'),
  'credits-react': source('credits-react/src/index.ts'),
  'credits-server': source('credits-server/src/index.ts'),
  'stripe-stand-in/browser': source('stripe-stand-in/src/browser/index.ts'),
  'stripe-stand-in': source('stripe-stand-in/src/index.ts'),
};
