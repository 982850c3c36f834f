import type {
  Balance,
  CreditPackage,
  CreditsConfig,
  PaymentMethod,
  Purchase,
  SetupIntent,
  Transaction,
} from '../src/index';

export const BASE_URL = 'https://credits.test/v1';

export const config: CreditsConfig = {
  apiVersion: '1.0',
  mode: 'test',
  stripePublishableKey: null,
  currency: 'USD',
  limits: { maxPageSize: 100, defaultPageSize: 25 },
  events: false,
};

export const balance: Balance = {
  total: 60_000,
  used: 12_500,
  held: 0,
  available: 47_500,
  overdraftAllowed: false,
  lowBalanceThreshold: 5_000,
  expiring: [{ amount: 2_000, expiresAt: '2026-12-31T23:59:59Z' }],
  updatedAt: '2026-11-24T09:30:00Z',
};

export const transactions: Transaction[] = [
  {
    id: 'txn_3',
    createdAt: '2026-11-24T09:30:00Z',
    type: 'usage',
    description: 'Website generation',
    amount: -1_250,
    balanceAfter: 47_500,
    website: { id: 'web_1', name: 'Bakery', url: 'https://bakery.example' },
    purchaseId: null,
  },
  {
    id: 'txn_2',
    createdAt: '2026-11-20T12:00:00Z',
    type: 'purchase',
    description: '50,000 credits',
    amount: 50_000,
    balanceAfter: 48_750,
    website: null,
    purchaseId: 'pur_1',
  },
  {
    id: 'txn_1',
    createdAt: '2026-11-01T08:00:00.000Z',
    type: 'grant',
    description: 'Welcome credits',
    amount: 10_000,
    balanceAfter: 10_000,
    website: null,
    purchaseId: null,
  },
];

export const creditPackages: CreditPackage[] = [
  {
    id: 'pkg_10k',
    credits: 10_000,
    price: { amount: 1_000, currency: 'USD' },
    label: 'Starter',
    badge: null,
  },
  {
    id: 'pkg_250k',
    credits: 250_000,
    price: { amount: 18_000, currency: 'USD' },
    label: 'Studio',
    badge: 'Best value',
  },
];

export const paymentMethods: PaymentMethod[] = [
  {
    id: 'pm_visa',
    type: 'card',
    isDefault: true,
    card: { brand: 'visa', last4: '4242', expMonth: 12, expYear: 2030 },
    wallet: null,
    email: null,
  },
  {
    id: 'pm_mc',
    type: 'card',
    isDefault: false,
    card: { brand: 'mastercard', last4: '4444', expMonth: 1, expYear: 2029 },
    wallet: null,
    email: null,
  },
];

export function purchase(overrides: Partial<Purchase> = {}): Purchase {
  return {
    id: 'pur_2',
    packageId: 'pkg_10k',
    status: 'requires_payment_method',
    credits: 10_000,
    amount: { amount: 1_000, currency: 'USD' },
    clientSecret: 'pi_2_secret_abc',
    paymentMethodId: null,
    failure: null,
    transaction: null,
    balance: null,
    createdAt: '2026-11-24T10:00:00Z',
    ...overrides,
  };
}

export const setupIntent: SetupIntent = {
  id: 'seti_1',
  status: 'requires_payment_method',
  clientSecret: 'seti_1_secret_abc',
  paymentMethod: null,
  failure: null,
};

export function problem(status: number, code: string, title = 'Problem') {
  return { type: 'about:blank', title, status, code, detail: `${title} (${code})` };
}
