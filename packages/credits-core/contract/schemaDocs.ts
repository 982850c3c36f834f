/**
 * Human documentation merged into the generated OpenAPI components. Kept out
 * of `src` so descriptions cost the browser bundle nothing.
 */
export interface SchemaDoc {
  description: string;
  properties?: Record<string, string>;
}

export const schemaDocs: Record<string, SchemaDoc> = {
  Config: {
    description:
      'What the client needs to know about this backend before it renders payment UI. Clients read it once per session and may cache it for minutes.',
    properties: {
      apiVersion:
        'Contract version implemented, `MAJOR.MINOR` (see CONTRACT.md, Versioning). Clients accept any minor of their major.',
      mode: '`test`: sandbox payments are available and no real money moves. `live`: real charges; sandbox operations answer 403 `sandbox_unavailable`. A closed enum: it will never gain a value.',
      stripePublishableKey:
        'Stripe publishable key (`pk_test_…`/`pk_live_…`) the client loads Stripe.js with, lazily. Absent or null when the backend has no Stripe account (sandbox only).',
      currency: 'Default ISO 4217 currency of packages.',
      limits: 'Limits the backend enforces.',
      events:
        'Whether `GET /events` streams this account’s changes (Server-Sent Events). Optional: absent means false, and clients poll instead.',
      autoRecharge:
        'Whether this backend offers auto-recharge (`GET`/`PUT /auto-recharge`). Optional: absent means false.',
    },
  },
  Limits: {
    description: 'Limits the backend enforces.',
    properties: {
      maxPageSize:
        'Largest `limit` accepted by list operations. Larger values are clamped, not refused.',
      defaultPageSize: 'Page size used when `limit` is omitted.',
    },
  },
  Money: {
    description:
      'An amount of money as an integer count of the currency’s minor unit per ISO 4217: cents for USD (1000 = $10.00), yen for JPY (0 digits: 1500 = ¥1,500), fils for KWD (3 digits: 12500 = KWD 12.500). Never a float.',
    properties: {
      amount: 'Integer minor units, ≥ 0.',
      currency: 'ISO 4217 alphabetic code, upper case.',
    },
  },
  ExpiringGrant: {
    description: 'Credits of one grant that will expire unless spent first.',
    properties: { amount: 'Credits that expire.', expiresAt: 'When they expire (UTC).' },
  },
  Balance: {
    description:
      'The account’s credits. Invariant: `available = total − used − held` (a client rejects a balance that breaks it as `invalid_response`). `available` is negative only when `overdraftAllowed` is true — e.g. after a refund or dispute took back credits that were already spent.',
    properties: {
      total:
        'All credits ever added (purchases, grants, positive adjustments) minus those taken back (refunds, expiry).',
      used: 'All credits spent (usage).',
      held: 'Credits reserved by active holds (Server API) for jobs still running: neither spent nor available. Optional: absent means 0, as from a backend older than holds.',
      available: '`total − used − held`: what can be spent now.',
      overdraftAllowed:
        'Whether this account may go below zero. Optional: a backend may leave it out, and absent means false.',
      lowBalanceThreshold:
        'When `available` is below this, clients show a low-balance warning. Null: the client’s own default applies.',
      expiring:
        'Grants with an expiry date, soonest first. Optional: absent means none (the same as an empty list).',
      updatedAt: 'When the balance last changed.',
    },
  },
  Website: {
    description: 'A website of the account, as the ledger names it.',
    properties: {
      id: 'Stable id, usable as the `websiteId` filter.',
      name: 'Display name. Plain text: clients never interpret it as HTML.',
      url: 'Where the website lives. Free text from the backend: clients must render it as a link only when it is an absolute `http:` or `https:` URL, and as plain text otherwise.',
    },
  },
  Transaction: {
    description:
      'One row of the append-only ledger. Rows are never edited or deleted; a correction is a new `adjustment` row.',
    properties: {
      id: 'Unique, stable id.',
      createdAt: 'When the movement happened, ISO 8601 in UTC.',
      type: 'Kind of movement. An open enum: known values are `purchase`, `usage`, `grant`, `refund`, `adjustment`, `expiry`; clients must display unknown values generically, not fail.',
      description:
        'What happened, in the user’s words (“Website generation”). Plain text, never HTML.',
      amount: 'Signed credits: positive when added, negative when debited. Never zero.',
      balanceAfter:
        'The ledger balance (`total − used`) right after this row. Holds are not ledger rows: the newest row’s `balanceAfter` minus `Balance.held` is `available`.',
      website: 'The website that spent (or received) the credits, when there is one.',
      purchaseId: 'The purchase that created this row, for `purchase` and `refund` rows.',
      autoRecharge:
        '`true` on the `purchase` row of an auto-recharge (its description says so: “Auto-recharge: 10,000 credits”). Optional: absent means false.',
    },
  },
  TransactionPage: {
    description: 'One page of the ledger, newest first.',
    properties: {
      data: 'Transactions, newest first (`createdAt` descending, ties broken by the ledger sequence).',
      nextCursor: 'Opaque cursor for the next (older) page; null on the last page.',
      seq: 'The account’s ledger sequence number this page was read at, read together with its rows (as `GET /events` numbers rows): every row up to it that the filters show is in the listing. A live client compares it with the stream’s `ready` to tell whether a row landed between the two. Optional: without it, such a client reads the history again once.',
    },
  },
  WebsiteUsage: {
    description: 'Credits one website spent in the period.',
    properties: {
      website: 'The website.',
      credits: 'Credits spent (a positive number).',
      transactionCount: 'How many usage rows made up that total.',
    },
  },
  UsageByWebsite: {
    description: 'Credits spent per website over a period, biggest spender first.',
    properties: {
      from: 'Start of the period (inclusive).',
      to: 'End of the period (exclusive).',
      totalCredits: 'Credits spent in the period by every website (all pages, not only this one).',
      data: 'One entry per website that spent credits in the period, on this page.',
      nextCursor:
        'Opaque cursor for the next page of the ranking (pass it as `cursor` with the same period); null or absent on the last page.',
    },
  },
  UsageSeriesEntry: {
    description:
      'One series of a grouped usage series: a website among the top N by credits used in the range, or `null` for "other" (every other website and usage naming no website).',
    properties: {
      website: 'The website, or null for "other".',
      credits: 'Credits this series used in the whole range.',
    },
  },
  UsageBucket: {
    description:
      'One bucket of a usage series: the ledger rows created in `[start, end)`. Its totals equal the sums of those rows (`GET /transactions?from=start&to=end&type=…`).',
    properties: {
      start:
        'Start of the bucket (inclusive): local midnight in `timeZone`, or the series’ `from` for the first bucket.',
      end: 'End of the bucket (exclusive): the next bucket’s start, or the series’ `to` for the last one.',
      usage: 'Credits spent (sum of `usage` rows, as a positive number).',
      purchases: 'Credits bought (sum of `purchase` rows).',
      grants: 'Credits granted (sum of `grant` rows).',
      byWebsite:
        'Usage per series, in the order of the answer’s `series` (empty when not grouped); adds up to `usage`.',
    },
  },
  UsageSeries: {
    description:
      'Credits used, bought and granted per day, ISO week (Monday first) or month of the user’s time zone. Buckets start at local midnight, so a daylight-saving day lasts 23 or 25 hours.',
    properties: {
      from: 'Start of the range (inclusive), as requested.',
      to: 'End of the range (exclusive), as requested.',
      bucket: 'The bucket unit: `day`, `week` or `month`.',
      timeZone: 'The IANA time zone the buckets follow.',
      series:
        'With `groupBy=website`: the top N websites by credits used in the range, most first (ties by id), then "other" if anything else was used. Empty otherwise.',
      buckets: 'Every bucket of the range in order, including empty ones.',
      totalUsage: 'Sum of `buckets[].usage`.',
      totalPurchases: 'Sum of `buckets[].purchases`.',
      totalGrants: 'Sum of `buckets[].grants`.',
    },
  },
  CreditPackage: {
    description:
      'A one-time credit package the user can buy. The price is always decided by the backend.',
    properties: {
      id: 'Stable id, sent back in `CreatePurchaseBody.packageId`.',
      credits: 'Credits added when the purchase succeeds.',
      price: 'Price in integer minor units.',
      label: 'Optional display name (“Starter”).',
      badge: 'Optional short highlight (“Best value”).',
    },
  },
  CreditPackageList: {
    description: 'Packages on sale, in display order.',
    properties: { data: 'The packages.' },
  },
  PaymentFailure: {
    description: 'Why a payment or card setup failed, in words the user can act on.',
    properties: {
      code: 'Stable machine code (see `Problem.code`), e.g. `card_declined`, `insufficient_funds`, `authentication_failed`.',
      message: 'Human-readable explanation, safe to show. Plain text.',
    },
  },
  Purchase: {
    description:
      'A one-time purchase of a credit package, backed by a Stripe PaymentIntent. Invariant: a `succeeded` purchase carries `transaction` and `balance`. Its credits are granted exactly once.',
    properties: {
      id: 'Unique id, used for polling.',
      packageId: 'The package bought.',
      status:
        'Mirrors the PaymentIntent: `requires_payment_method` (confirm with a new card via Stripe.js or the sandbox), `requires_confirmation`, `requires_action` (3D Secure), `processing`, then a final `succeeded`, `failed` or `canceled`. An open enum: treat unknown values as not yet final and keep polling.',
      credits: 'Credits this purchase adds.',
      amount: 'What is charged, decided by the backend from its package table.',
      clientSecret:
        'The PaymentIntent client secret for Stripe.js (`confirmPayment`, `handleNextAction`). Null once settled.',
      paymentMethodId: 'The payment method charged, once known.',
      failure: 'Why it failed, when `status` is `failed` (or the last attempt was declined).',
      transaction: 'The ledger row that added the credits, once `succeeded`.',
      balance: 'The balance right after the credits were added, once `succeeded`.',
      createdAt: 'When the purchase was created.',
      origin:
        '`checkout` (the user bought it) or `auto_recharge` (charged off-session by auto-recharge). Optional: absent means `checkout`. An open enum.',
    },
  },
  CreatePurchaseBody: {
    description:
      'What to buy and how to pay. With `paymentMethodId`, the backend confirms the payment with that saved method at once (the answer may be `requires_action` for 3D Secure). Without it, the purchase waits in `requires_payment_method` for the client to confirm a new card with Stripe.js or, in test mode, the sandbox.',
    properties: {
      packageId: 'The package to buy.',
      paymentMethodId: 'A saved payment method of the account.',
      savePaymentMethod: 'Keep the new card for future purchases (`setup_future_usage`).',
    },
  },
  CardDetails: {
    description: 'Display details of a card. Never a full number.',
    properties: {
      brand:
        'Card brand as Stripe names it (`visa`, `mastercard`, `amex`, …). Unknown brands are displayed generically.',
      last4: 'Last four digits.',
      expMonth: 'Expiry month, 1–12.',
      expYear: 'Expiry year, four digits.',
    },
  },
  PaymentMethod: {
    description: 'A saved payment method of the account.',
    properties: {
      id: 'Stable id (Stripe `pm_…` or a sandbox id).',
      type: 'An open enum: `card`, `link`, `wallet`; unknown types are displayed generically.',
      isDefault:
        'The method used when none is chosen. Exactly one method is the default while any exists.',
      card: 'Card details, when `type` is `card` (or a wallet backed by a card).',
      wallet: 'Wallet kind (`apple_pay`, `google_pay`) when `type` is `wallet`.',
      email: 'Account e-mail for `link`.',
    },
  },
  PaymentMethodList: {
    description: 'The account’s saved payment methods, default first.',
    properties: { data: 'The payment methods.' },
  },
  SetupIntent: {
    description: 'A Stripe SetupIntent that saves a new card without charging it.',
    properties: {
      id: 'Unique id.',
      status: 'Mirrors Stripe’s SetupIntent status. An open enum.',
      clientSecret: 'Client secret for Stripe.js `confirmSetup`.',
      paymentMethod: 'The saved method, once `succeeded`.',
      failure: 'Why the last attempt failed.',
    },
  },
  SandboxConfirmBody: {
    description:
      'Test mode only. Confirms with one of Stripe’s test payment-method tokens — `pm_card_visa` (succeeds), `pm_card_threeDSecure2Required` (needs 3D Secure), `pm_card_visa_chargeDeclinedInsufficientFunds`, `pm_card_visa_chargeDeclined` — or a saved method id. The browser maps test card numbers to tokens: a card number never reaches the backend.',
    properties: {
      paymentMethod: 'Test token or saved payment-method id.',
      savePaymentMethod: 'Keep the card for future purchases.',
    },
  },
  SandboxAuthenticateBody: {
    description: 'Test mode only. The cardholder’s answer to a simulated 3D Secure challenge.',
    properties: { outcome: '`complete` passes the challenge; `fail` fails it.' },
  },
  UsageBody: {
    description: 'Server API: a usage debit.',
    properties: {
      credits: 'Credits to debit, a whole number ≥ 1.',
      description: 'What the credits paid for (“Website generation”), 1–500 characters.',
      websiteId:
        'The website the usage belongs to (the `websiteId` filter), at most 128 characters.',
      websiteName: 'Its display name, at most 200 characters.',
      websiteUrl: 'Its URL, at most 2,048 characters.',
    },
  },
  HoldBody: {
    description: 'Server API: credits to reserve for a job.',
    properties: {
      credits: 'Credits to hold (the estimated cost), a whole number ≥ 1.',
      description: 'What the job is; its usage row carries it. 1–500 characters.',
      expiresAt: 'When the hold lapses if neither captured nor released.',
      websiteId: 'The website the job is for, at most 128 characters.',
      websiteName: 'Its display name, at most 200 characters.',
      websiteUrl: 'Its URL, at most 2,048 characters.',
    },
  },
  CaptureBody: {
    description: 'Server API: the real cost of a held job.',
    properties: {
      credits: 'Credits to spend, 0 to the held amount; the rest is freed.',
    },
  },
  GrantBody: {
    description: 'Server API: credits to grant.',
    properties: {
      credits: 'Credits to add, a whole number ≥ 1.',
      reason: 'Why (“Welcome credits”): the row’s description, 1–500 characters.',
      expiresAt:
        'Optional, in the future: when these credits lapse (their lot’s expiry; absent: never). Credits expiring soonest are spent first; at expiry what is left posts one `expiry` row.',
    },
  },
  AdjustmentBody: {
    description: 'Server API: a correction.',
    properties: {
      credits: 'Credits to add (positive) or take (negative); never zero.',
      reason: 'Why: the row’s description, 1–500 characters.',
    },
  },
  Hold: {
    description:
      'Credits reserved for a job. Its status only moves forward: `active` → `captured`, `released` or `expired`. An open enum.',
    properties: {
      id: 'Unique id within the account.',
      status: '`active` (counted in `Balance.held`), `captured`, `released` or `expired`.',
      amount: 'Credits held.',
      captured: 'Credits captured (spent); 0 until captured.',
      description: 'What the job is.',
      website: 'The website the job is for, when there is one.',
      expiresAt: 'When an active hold lapses.',
      createdAt: 'When the hold was made.',
      transaction: 'The `usage` row of the capture, once captured (none for 0 credits).',
    },
  },
  Problem: {
    description:
      'RFC 9457 problem details (`application/problem+json`) with a stable machine `code`. Branch on `code`, never on `title` or `detail`.',
    properties: {
      type: 'URI identifying the problem type. Optional: absent means `about:blank` (RFC 9457).',
      title: 'Short human summary.',
      status: 'The HTTP status, repeated.',
      code: 'Stable machine code. An open enum: known values are listed in CONTRACT.md; clients treat unknown codes by HTTP status.',
      detail: 'Human explanation of this occurrence.',
      instance: 'URI of this occurrence, for support.',
      errors:
        'For `validation_failed`: every field that is wrong. `path` names it — a body field (`outcome`, `price.amount`), a query parameter (`from`, `limit`) or a header (`Idempotency-Key`); empty for the body as a whole — and `message` says what is wrong.',
    },
  },
};
