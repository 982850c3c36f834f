import type { AuthSettings } from './authSettingsFromEnv.js';
import { createJwtAccountResolver } from './createJwtAccountResolver.js';

export type AccountResolver = (request: Request) => string | null | Promise<string | null>;

/** Demo sign-in: the bearer token is the account id. Anyone can be anyone. */
export const demoAccountResolver: AccountResolver = (request) => {
  const match = /^Bearer\s+([\w.:-]{1,128})$/i.exec(request.headers.get('authorization') ?? '');
  return match ? `acct_${match[1]}` : null;
};

/**
 * The resolver for the configured sign-in. Demo sign-in with a live Stripe key is refused:
 * it would let any browser spend any customer's saved card.
 */
export function createAccountResolver(
  settings: AuthSettings,
  mode: 'test' | 'live',
): AccountResolver {
  if (settings.kind === 'jwt') return createJwtAccountResolver(settings);
  if (settings.kind === 'custom') return settings.resolveAccount;
  if (mode === 'live')
    throw new Error(
      'Refusing to start: demo sign-in (the bearer token is the account id) with a live Stripe ' +
        'key would let anyone charge any customer’s saved card. Configure JWT sign-in ' +
        '(AUTH_JWT_SECRET or AUTH_JWKS_URL) or use a test key.',
    );
  return demoAccountResolver;
}
