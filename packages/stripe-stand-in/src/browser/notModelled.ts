/**
 * What a member of Stripe.js the stand-in does not model does when called: it throws,
 * naming the member, so a test that reaches it fails loudly instead of getting a guess.
 */
export const notModelled =
  (member: string) =>
  (..._args: unknown[]): never => {
    throw new Error(
      `${member} is not modelled by the Stripe.js stand-in (stripe-stand-in/browser): it models only what the credits widgets call.`,
    );
  };

/**
 * Stripe.js's IntegrationError: thrown (not returned) for a call the integration got wrong
 * (https://docs.stripe.com/js, "errors are thrown for invalid usage").
 */
export class IntegrationError extends Error {
  override readonly name = 'IntegrationError';
}
