const credits = new Intl.NumberFormat('en-US');

/** What an auto-recharge's ledger row and PaymentIntent say: "Auto-recharge: 10,000 credits". */
export const rechargeDescription = (amount: number) =>
  `Auto-recharge: ${credits.format(amount)} credits`;
