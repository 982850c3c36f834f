import { generateTransactions } from 'credits-msw';
import type { CreditsService } from './createCreditsService.js';

/**
 * Gives a new demo account a realistic history (a seeded ledger across several
 * websites, ending now) and two saved test cards, so the demo is worth clicking.
 */
export async function seedDemoAccount(service: CreditsService, account: string): Promise<void> {
  const rows = generateTransactions({
    count: 40,
    seed: 42,
    now: new Date(Date.now() - 60_000),
  }).reverse();
  await service.transaction(async (tx) => {
    for (const row of rows) {
      await service.appendLedger(tx, account, {
        type: row.type,
        amount: row.amount,
        description: row.description,
        websiteId: row.website?.id,
        websiteName: row.website?.name,
        websiteUrl: row.website?.url,
        createdAt: new Date(row.createdAt),
      });
    }
  });
  // Where the account's cards live: at Stripe with Stripe keys, else in the local table.
  await service.saveDemoCard(account, 'pm_card_visa');
  await service.saveDemoCard(account, 'pm_card_mastercard');
}
