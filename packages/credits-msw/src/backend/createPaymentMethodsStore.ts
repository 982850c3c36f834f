import type { PaymentMethod } from 'credits-core';
import { sandboxCardForToken } from 'credits-core/sandbox';
import { assertDeletable, ProblemError } from 'credits-core/server';
import { clone, ok } from './createIdempotency.js';

/** Saved payment methods as Stripe test tokens: exactly one default while any exists. */
export function createPaymentMethodsStore(
  initial: readonly string[],
  nextId: (prefix: string) => string,
) {
  let methods: { method: PaymentMethod; token: string }[] = [];

  function save(token: string): PaymentMethod {
    const card = sandboxCardForToken(token);
    if (!card) throw ProblemError.invalid('paymentMethod', 'Unknown test payment method');
    const method: PaymentMethod = {
      id: nextId('pm'),
      type: 'card',
      isDefault: methods.length === 0,
      card: { ...card.card },
      wallet: null,
      email: null,
    };
    methods.push({ method, token });
    return method;
  }
  for (const token of initial) save(token);

  /** A saved method's id or a test token → the token whose semantics apply. */
  function resolveToken(paymentMethod: string): { token: string; savedId: string | null } {
    const saved = methods.find(({ method }) => method.id === paymentMethod);
    if (saved) return { token: saved.token, savedId: saved.method.id };
    if (sandboxCardForToken(paymentMethod)) return { token: paymentMethod, savedId: null };
    throw ProblemError.invalid(
      'paymentMethod',
      'Unknown payment method',
      `"${paymentMethod}" is neither a saved payment method nor a Stripe test token.`,
    );
  }

  const list = () => ({
    data: clone(
      [...methods]
        .sort((a, b) => Number(b.method.isDefault) - Number(a.method.isDefault))
        .map((m) => m.method),
    ),
  });

  const has = (id: string) => methods.some(({ method }) => method.id === id);

  return {
    save,
    resolveToken,
    has,
    list: () => ok(list()),
    /** The saved methods, default first (a copy). */
    all: () => list().data,
    setDefault(id: string) {
      if (!has(id)) throw new ProblemError(404, 'not_found', 'No such payment method');
      for (const { method } of methods) method.isDefault = method.id === id;
      return ok(list());
    },
    remove(id: string, newDefaultId?: string) {
      const moveDefaultTo = assertDeletable(
        methods.map(({ method }) => method),
        id,
        newDefaultId,
      );
      const rest = methods.filter(({ method }) => method.id !== id);
      for (const { method } of rest)
        if (moveDefaultTo) method.isDefault = method.id === moveDefaultTo;
      methods = rest;
      return ok(list());
    },
  };
}

export type PaymentMethodsStore = ReturnType<typeof createPaymentMethodsStore>;
