import { SANDBOX_PACKAGES } from '../sandbox/sandboxPackages.js';
import type { CreditPackage, Transaction, Website } from '../schemas/index.js';

/** The websites of the seeded account: several, with non-ASCII names. */
export const SEED_WEBSITES: readonly Website[] = [
  { id: 'web_bakery', name: 'Bakery Bliss', url: 'https://bakery-bliss.example' },
  { id: 'web_portfolio', name: 'Portfolio – Ana Ruiz', url: 'https://ana-ruiz.example' },
  { id: 'web_yoga', name: 'Yoga Studio Flow', url: 'https://yoga-flow.example' },
  { id: 'web_law', name: 'Kanzlei Meyer & Söhne', url: 'https://kanzlei-meyer.example' },
  { id: 'web_ramen', name: '東京ラーメン', url: 'https://tokyo-ramen.example' },
  { id: 'web_cafe', name: 'Café Sol', url: 'https://cafe-sol.example' },
];

const USAGE: readonly [description: string, min: number, max: number][] = [
  ['Website generation', 800, 2_500],
  ['Page regeneration', 150, 600],
  ['AI image generation', 50, 400],
  ['AI copywriting', 40, 250],
  ['SEO rewrite', 100, 500],
  ['Translation', 80, 900],
];

/** A fixed instant, so seeded data is identical in every run, time zone and machine. */
export const SEED_NOW = '2026-11-24T12:00:00.000Z';

export interface GenerateTransactionsOptions {
  /** How many rows. Default 40; 100 000 for the huge-history stories and benchmarks. */
  count?: number;
  /** PRNG seed: the same seed gives the same ledger. Default 1. */
  seed?: number;
  /** The newest row's time. Default `SEED_NOW`. */
  now?: string | Date;
  /** Average time between rows. Default 6 hours. */
  spacingMs?: number;
  packages?: readonly CreditPackage[];
  websites?: readonly Website[];
}

/** Mulberry32: a tiny deterministic PRNG. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * A realistic, deterministic ledger, newest first, whose `balanceAfter`
 * chains exactly: a welcome grant, usage across several websites, package
 * purchases when credits run low, and the odd refund, promo grant, adjustment
 * and expiry. Feed it to `createCreditsBackend({ transactions })`.
 */
export function generateTransactions(options: GenerateTransactionsOptions = {}): Transaction[] {
  const count = options.count ?? 40;
  const next = random(options.seed ?? 1);
  const packages = options.packages ?? SANDBOX_PACKAGES;
  const websites = options.websites ?? SEED_WEBSITES;
  const spacing = options.spacingMs ?? 6 * 3_600_000;
  const end = new Date(options.now ?? SEED_NOW).getTime();
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const between = (min: number, max: number) => Math.round((min + next() * (max - min)) / 10) * 10;

  const rows: Transaction[] = [];
  let balance = 0;
  let time = end - spacing * count;
  let purchases = 0;
  let lastPurchase: { id: string; credits: number } | undefined;

  const push = (row: Omit<Transaction, 'id' | 'balanceAfter' | 'createdAt'>) => {
    balance += row.amount;
    time += Math.max(60_000, Math.round(spacing * (0.25 + next() * 1.5)));
    rows.push({
      ...row,
      id: `txn_seed_${rows.length + 1}`,
      createdAt: new Date(Math.min(time, end - (count - rows.length - 1) * 1_000)).toISOString(),
      balanceAfter: balance,
    });
  };

  while (rows.length < count) {
    if (rows.length === 0) {
      push({
        type: 'grant',
        amount: 10_000,
        description: 'Welcome credits',
        website: null,
        purchaseId: null,
      });
      continue;
    }
    const roll = next();
    if (balance < 5_000 || (roll < 0.04 && balance < 40_000)) {
      const pkg = pick(packages);
      purchases += 1;
      lastPurchase = { id: `pur_seed_${purchases}`, credits: pkg.credits };
      push({
        type: 'purchase',
        amount: pkg.credits,
        description: `Credit package: ${pkg.label ?? `${pkg.credits} credits`}`,
        website: null,
        purchaseId: lastPurchase.id,
      });
    } else if (roll < 0.05 && lastPurchase && balance >= lastPurchase.credits) {
      push({
        type: 'refund',
        amount: -lastPurchase.credits,
        description: 'Refund of a credit package',
        website: null,
        purchaseId: lastPurchase.id,
      });
      lastPurchase = undefined;
    } else if (roll < 0.06) {
      push({
        type: 'grant',
        amount: 2_000,
        description: 'Promotional credits',
        website: null,
        purchaseId: null,
      });
    } else if (roll < 0.065) {
      push({
        type: 'adjustment',
        amount: between(100, 500),
        description: 'Goodwill adjustment',
        website: null,
        purchaseId: null,
      });
    } else if (roll < 0.07 && balance > 1_000) {
      push({
        type: 'expiry',
        amount: -between(100, 1_000),
        description: 'Expired promotional credits',
        website: null,
        purchaseId: null,
      });
    } else {
      const [description, min, max] = pick(USAGE);
      const amount = Math.min(between(min, max), balance);
      if (amount <= 0) continue;
      push({
        type: 'usage',
        amount: -amount,
        description,
        website: pick(websites),
        purchaseId: null,
      });
    }
  }
  return rows.reverse();
}
