import type { CreditPackage } from '../schemas/creditPackage.js';

/**
 * The demo catalog the fake (credits-msw) and credits-server both sell: from 10,000
 * credits for $10 to 250,000 for $180. A real backend owns its own table.
 */
export const SANDBOX_PACKAGES: readonly CreditPackage[] = [
  {
    id: 'pkg_10k',
    credits: 10_000,
    price: { amount: 1_000, currency: 'USD' },
    label: 'Starter',
    badge: null,
  },
  {
    id: 'pkg_50k',
    credits: 50_000,
    price: { amount: 4_500, currency: 'USD' },
    label: 'Growth',
    badge: null,
  },
  {
    id: 'pkg_100k',
    credits: 100_000,
    price: { amount: 8_000, currency: 'USD' },
    label: 'Pro',
    badge: 'Popular',
  },
  {
    id: 'pkg_250k',
    credits: 250_000,
    price: { amount: 18_000, currency: 'USD' },
    label: 'Studio',
    badge: 'Best value',
  },
];
