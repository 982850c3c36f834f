import type { ServerOperationId } from '../src/server/index';
import type { OperationDoc } from './operationDocs';

/**
 * The Server API's documentation: the contract's second part, for the host's own backend,
 * authenticated by the secret API key (`X-Api-Key`), never by a browser's token.
 */
export const serverOperationDocs: Record<ServerOperationId, OperationDoc> = {
  getAccountBalance: {
    tag: 'Server API',
    summary: 'Read an account’s balance',
    description:
      'The same balance the account’s user reads (`available = total − used − held`). Unknown accounts are created empty on first use.',
    status: 200,
    response: 'The balance.',
    errors: [400],
  },
  recordUsage: {
    tag: 'Server API',
    summary: 'Record usage (debit credits)',
    description:
      'Spends credits for work done (“Website generation”), attributed to a website. **Requires an `Idempotency-Key`**: a retry with the same key and body answers the first row again and never debits twice. When `available` (after holds) is short, 402 `insufficient_credits` and nothing moves — unless the account may overdraw.',
    status: 201,
    response: 'The `usage` ledger row.',
    errors: [400, 402, 409, 422],
  },
  createHold: {
    tag: 'Server API',
    summary: 'Hold credits for a job',
    description:
      'Reserves `credits` until the job ends (capture or release) or `expiresAt` passes (the hold then lapses: `expired`, nothing spent). Held credits leave `available` at once and show in `Balance.held`; no ledger row is written. **Requires an `Idempotency-Key`.** 402 `insufficient_credits` when `available` is short.',
    status: 201,
    response: 'The hold, `active`.',
    errors: [400, 402, 409, 422],
  },
  captureHold: {
    tag: 'Server API',
    summary: 'Capture a hold: spend the real cost',
    description:
      'Spends `credits` (at most the held amount, else 400) as one `usage` row with the hold’s description and website, and frees the rest. A hold is captured once: capturing it again with the same amount answers it unchanged; anything else on a hold that is not `active` (captured, released, expired) is 409 `hold_not_active`.',
    status: 200,
    response: 'The hold, `captured`, with its usage row (none when 0 credits were captured).',
    errors: [400, 404, 409],
  },
  releaseHold: {
    tag: 'Server API',
    summary: 'Release a hold',
    description:
      'Frees all held credits, spending nothing. Releasing a released hold answers it unchanged; a captured or expired one is 409 `hold_not_active`.',
    status: 200,
    response: 'The hold, `released`.',
    errors: [404, 409],
  },
  createGrant: {
    tag: 'Server API',
    summary: 'Grant credits',
    description:
      'Adds promotional or manual credits as a `grant` row whose description is the `reason`. **Requires an `Idempotency-Key`**: a retry with the same key answers the first row and never credits twice.',
    status: 201,
    response: 'The `grant` ledger row.',
    errors: [400, 409, 422],
  },
  createAdjustment: {
    tag: 'Server API',
    summary: 'Adjust the balance',
    description:
      'A correction of either sign (never zero) as an `adjustment` row whose description is the `reason`. A negative adjustment may take the balance below zero (the account then shows `overdraftAllowed`). **Requires an `Idempotency-Key`.**',
    status: 201,
    response: 'The `adjustment` ledger row.',
    errors: [400, 409, 422],
  },
};
