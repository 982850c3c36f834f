import {
  type SetupIntent,
  sandboxAuthenticateBodySchema,
  sandboxConfirmBodySchema,
} from 'credits-core';
import { SANDBOX_FAILURE_MESSAGES, sandboxCardForToken } from 'credits-core/sandbox';
import { ProblemError, parseRequestBody } from 'credits-core/server';
import { type Idempotent, ok } from './createIdempotency.js';
import type { PaymentMethodsStore } from './createPaymentMethodsStore.js';
import { sleep } from './createPurchasesStore.js';

interface SetupRecord {
  intent: SetupIntent;
  pending?: string;
}

/** SetupIntents: save a card without charging it, with the sandbox's 3D Secure and declines. */
export function createSetupIntentsStore(settings: {
  methods: PaymentMethodsStore;
  idempotent: Idempotent;
  nextId: (prefix: string) => string;
  requireSandbox: () => void;
  paymentLatencyMs?: number;
}) {
  const { methods } = settings;
  const setupIntents = new Map<string, SetupRecord>();

  function setupRecord(id: string): SetupRecord {
    const record = setupIntents.get(id);
    if (!record) throw new ProblemError(404, 'not_found', 'No such setup intent');
    return record;
  }

  return {
    create(key: string | null) {
      return settings.idempotent('setup', key, null, async () => {
        const id = settings.nextId('seti');
        const intent: SetupIntent = {
          id,
          status: 'requires_payment_method',
          clientSecret: `${id}_secret_${id.slice(5)}`,
          paymentMethod: null,
          failure: null,
        };
        setupIntents.set(id, { intent });
        return ok(intent, 201);
      });
    },

    async sandboxConfirm(id: string, body: unknown) {
      settings.requireSandbox();
      const input = parseRequestBody(sandboxConfirmBodySchema, body);
      const record = setupRecord(id);
      const { intent } = record;
      if (intent.status === 'succeeded') return ok(intent);
      const { token } = methods.resolveToken(input.paymentMethod);
      const card = sandboxCardForToken(token)!;
      await sleep(settings.paymentLatencyMs ?? 0);
      intent.failure = null;
      if (card.outcome.type === 'declined') {
        intent.status = 'requires_payment_method';
        intent.failure = {
          code: card.outcome.code,
          message: SANDBOX_FAILURE_MESSAGES[card.outcome.code],
        };
      } else if (card.outcome.type === 'requires_action') {
        intent.status = 'requires_action';
        record.pending = token;
      } else {
        intent.paymentMethod = methods.save(token);
        intent.status = 'succeeded';
      }
      return ok(intent);
    },

    sandboxAuthenticate(id: string, body: unknown) {
      settings.requireSandbox();
      const { outcome } = parseRequestBody(sandboxAuthenticateBodySchema, body);
      const record = setupRecord(id);
      if (record.intent.status !== 'requires_action' || !record.pending) {
        throw new ProblemError(
          409,
          'purchase_not_confirmable',
          'Nothing to authenticate',
          `The setup intent is ${record.intent.status}.`,
        );
      }
      if (outcome === 'fail') {
        record.intent.status = 'requires_payment_method';
        record.intent.failure = {
          code: 'authentication_failed',
          message: SANDBOX_FAILURE_MESSAGES.authentication_failed,
        };
      } else {
        record.intent.paymentMethod = methods.save(record.pending);
        record.intent.status = 'succeeded';
      }
      record.pending = undefined;
      return ok(record.intent);
    },
  };
}
