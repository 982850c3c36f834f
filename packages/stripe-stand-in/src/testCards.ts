import { SANDBOX_CARDS, type SandboxCard } from 'credits-core/sandbox';

/** A test card; `setupOutcome` where saving it goes otherwise than paying with it. */
export type TestCard = SandboxCard & { setupOutcome?: SandboxCard['outcome'] };

/**
 * Stripe's test cards the stand-in knows (https://docs.stripe.com/testing): the sandbox's
 * (credits-core/sandbox, shared with credits-msw and the reference server) and
 * `pm_card_chargeCustomerFail` (4000 0000 0000 0341: "attaching this card to a Customer
 * succeeds, but attempts to charge the customer fail"), the way a saved card gets declined.
 */
export const TEST_CARDS: readonly TestCard[] = [
  ...SANDBOX_CARDS,
  {
    token: 'pm_card_chargeCustomerFail',
    number: '4000000000000341',
    card: { brand: 'visa', last4: '0341', expMonth: 12, expYear: 2034 },
    outcome: { type: 'declined', code: 'card_declined' },
    setupOutcome: { type: 'succeeded' },
    description: 'Saves, then every charge is declined',
  },
];

export const testCardForToken = (token: string) => TEST_CARDS.find((card) => card.token === token);
