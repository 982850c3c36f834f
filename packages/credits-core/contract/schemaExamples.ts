import { CONTRACT_VERSION } from '../src/contractVersion';
import type {
  Balance,
  CardDetails,
  CreatePurchaseInput,
  CreditPackage,
  CreditPackageList,
  CreditsConfig,
  ExpiringGrant,
  Money,
  PaymentFailure,
  PaymentMethod,
  PaymentMethodList,
  Problem,
  Purchase,
  SandboxAuthenticateInput,
  SandboxConfirmInput,
  SetupIntent,
  Transaction,
  TransactionPage,
  UsageBucket,
  UsageByWebsite,
  UsageSeries,
  UsageSeriesEntry,
  Website,
  WebsiteUsage,
} from '../src/schemas/index';
import type {
  CaptureHoldInput,
  CreateAdjustmentInput,
  CreateGrantInput,
  CreateHoldInput,
  Hold,
  RecordUsageInput,
} from '../src/server/index';
import { autoRechargeExamples } from './autoRechargeDocs';
import { eventExamples } from './eventsDocs';

/**
 * One realistic example per component of the OpenAPI document (`examples[0]`). A mock
 * generated from the document (Prism) answers with them, so they must satisfy the
 * schema's patterns and invariants: the contract test parses each with the client's
 * schema and validates it against the generated JSON Schema.
 */
const limits = { maxPageSize: 100, defaultPageSize: 25 };
const money: Money = { amount: 1_000, currency: 'USD' };
const grant: ExpiringGrant = { amount: 5_000, expiresAt: '2026-12-31T23:59:59Z' };
const balance: Balance = {
  total: 60_000,
  used: 12_500,
  held: 800,
  available: 46_700,
  overdraftAllowed: false,
  lowBalanceThreshold: 5_000,
  expiring: [grant],
  updatedAt: '2026-11-24T09:30:00Z',
};
const website: Website = { id: 'web_landing', name: 'Landing page', url: 'https://example.com' };
const usageRow: Transaction = {
  id: 'txn_000042',
  createdAt: '2026-11-24T09:30:00Z',
  type: 'usage',
  description: 'Website generation',
  amount: -250,
  balanceAfter: 47_500,
  website,
  purchaseId: null,
};
const purchaseRow: Transaction = {
  id: 'txn_000041',
  createdAt: '2026-11-24T09:12:03Z',
  type: 'purchase',
  description: 'Credit package: Starter',
  amount: 10_000,
  balanceAfter: 47_750,
  website: null,
  purchaseId: 'pur_000007',
};
const websiteUsage: WebsiteUsage = { website, credits: 12_500, transactionCount: 50 };
const seriesEntry: UsageSeriesEntry = { website, credits: 4_200 };
// 29 March 2026 in Berlin: clocks go forward, the day is 23 hours long.
const bucket: UsageBucket = {
  start: '2026-03-28T23:00:00Z',
  end: '2026-03-29T22:00:00Z',
  usage: 3_000,
  purchases: 0,
  grants: 0,
  byWebsite: [3_000, 0],
};
const starter: CreditPackage = {
  id: 'pkg_10k',
  credits: 10_000,
  price: money,
  label: 'Starter',
  badge: null,
};
const failure: PaymentFailure = { code: 'card_declined', message: 'Your card was declined.' };
const card: CardDetails = { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 };
const paymentMethod: PaymentMethod = {
  id: 'pm_000001',
  type: 'card',
  isDefault: true,
  card,
  wallet: null,
  email: null,
};

const purchase: Purchase = {
  id: 'pur_000007',
  packageId: 'pkg_10k',
  status: 'succeeded',
  credits: 10_000,
  amount: money,
  clientSecret: null,
  paymentMethodId: 'pm_000001',
  failure: null,
  transaction: purchaseRow,
  balance: { ...balance, used: 12_250, available: 46_950, updatedAt: '2026-11-24T09:12:03Z' },
  createdAt: '2026-11-24T09:11:58Z',
};

export const schemaExamples = {
  Config: {
    apiVersion: CONTRACT_VERSION,
    mode: 'test',
    stripePublishableKey: 'pk_test_51ExampleKey',
    currency: 'USD',
    limits,
    events: true,
    autoRecharge: true,
  } satisfies CreditsConfig,
  Limits: limits,
  Money: money,
  ExpiringGrant: grant,
  Balance: balance,
  Website: website,
  Transaction: usageRow,
  TransactionPage: {
    data: [usageRow, purchaseRow],
    nextCursor: 'eyJzIjo0MSwiZiI6IltdIn0',
    seq: 42,
  } satisfies TransactionPage,
  WebsiteUsage: websiteUsage,
  UsageByWebsite: {
    from: '2026-10-25T00:00:00Z',
    to: '2026-11-24T00:00:00Z',
    totalCredits: 12_500,
    data: [websiteUsage],
    nextCursor: null,
  } satisfies UsageByWebsite,
  UsageSeriesEntry: seriesEntry,
  UsageBucket: bucket,
  UsageSeries: {
    from: '2026-03-28T00:00:00Z',
    to: '2026-03-29T22:00:00Z',
    bucket: 'day',
    timeZone: 'Europe/Berlin',
    series: [seriesEntry, { website: null, credits: 300 }],
    buckets: [
      {
        start: '2026-03-28T00:00:00Z',
        end: '2026-03-28T23:00:00Z',
        usage: 1_500,
        purchases: 10_000,
        grants: 0,
        byWebsite: [1_200, 300],
      },
      bucket,
    ],
    totalUsage: 4_500,
    totalPurchases: 10_000,
    totalGrants: 0,
  } satisfies UsageSeries,
  CreditPackage: starter,
  CreditPackageList: {
    data: [
      starter,
      {
        id: 'pkg_50k',
        credits: 50_000,
        price: { amount: 4_500, currency: 'USD' },
        label: 'Growth',
        badge: 'Best value',
      },
    ],
  } satisfies CreditPackageList,
  PaymentFailure: failure,
  Purchase: purchase,
  CreatePurchaseBody: { packageId: 'pkg_10k' } satisfies CreatePurchaseInput,
  CardDetails: card,
  PaymentMethod: paymentMethod,
  PaymentMethodList: { data: [paymentMethod] } satisfies PaymentMethodList,
  SetupIntent: {
    id: 'seti_000003',
    status: 'requires_payment_method',
    clientSecret: 'seti_000003_secret_3',
    paymentMethod: null,
    failure: null,
  } satisfies SetupIntent,
  SandboxConfirmBody: {
    paymentMethod: 'pm_card_visa',
    savePaymentMethod: true,
  } satisfies SandboxConfirmInput,
  SandboxAuthenticateBody: { outcome: 'complete' } satisfies SandboxAuthenticateInput,
  Problem: {
    type: 'about:blank',
    title: 'Invalid request',
    status: 400,
    code: 'validation_failed',
    detail: 'from: expected an RFC 3339 date-time with an offset',
    instance: null,
    errors: [{ path: 'from', message: 'expected an RFC 3339 date-time with an offset' }],
  } satisfies Problem,
  UsageBody: {
    credits: 250,
    description: 'Website generation',
    websiteId: 'web_landing',
    websiteName: 'Landing page',
    websiteUrl: 'https://example.com',
  } satisfies RecordUsageInput,
  HoldBody: {
    credits: 800,
    description: 'Website generation',
    expiresAt: '2026-11-24T10:00:00Z',
    websiteId: 'web_landing',
    websiteName: 'Landing page',
  } satisfies CreateHoldInput,
  CaptureBody: { credits: 250 } satisfies CaptureHoldInput,
  GrantBody: {
    credits: 5_000,
    reason: 'Promotional credits',
    expiresAt: '2027-01-01T00:00:00Z',
  } satisfies CreateGrantInput,
  AdjustmentBody: {
    credits: -300,
    reason: 'Duplicate charge reversed',
  } satisfies CreateAdjustmentInput,
  Hold: {
    id: 'hold_000009',
    status: 'captured',
    amount: 800,
    captured: 250,
    description: 'Website generation',
    website,
    expiresAt: '2026-11-24T10:00:00Z',
    createdAt: '2026-11-24T09:29:10Z',
    transaction: usageRow,
  } satisfies Hold,
  ...eventExamples({
    balance,
    transaction: usageRow,
    purchase,
    paymentMethods: { data: [paymentMethod] },
    autoRecharge: autoRechargeExamples.AutoRecharge,
  }),
} as const;
