import type { JwtAuthSettings } from './createJwtAccountResolver.js';

/**
 * Who may call the API. `jwt`: the host's signed tokens (production). `demo`: the bearer token
 * is the account id — anyone can act as anyone, so only for a local demo and never with a live
 * Stripe key. `custom`: the host's own check (sessions, mTLS, an API gateway's header).
 */
export type AuthSettings =
  | JwtAuthSettings
  | { kind: 'demo' }
  | {
      kind: 'custom';
      resolveAccount: (request: Request) => string | null | Promise<string | null>;
    };

/**
 * Sign-in from the environment, for `pnpm start`:
 * - `AUTH_JWT_SECRET` (HS256, ≥ 32 bytes) or `AUTH_JWKS_URL`, with `AUTH_JWT_ISSUER`,
 *   `AUTH_JWT_AUDIENCE`, optional `AUTH_JWT_ACCOUNT_CLAIM` (default `sub`) and
 *   `AUTH_JWT_CLOCK_TOLERANCE` (seconds, default 30);
 * - or `DEMO_SIGN_IN=1` for the local demo (token = account).
 * Neither, or both, is refused with a message naming the variables.
 */
export function authSettingsFromEnv(env: Record<string, string | undefined>): AuthSettings {
  const jwt = Boolean(env.AUTH_JWT_SECRET || env.AUTH_JWKS_URL);
  const demo = env.DEMO_SIGN_IN === '1';
  if (jwt && demo)
    throw new Error('Set either AUTH_JWT_SECRET/AUTH_JWKS_URL or DEMO_SIGN_IN=1, not both.');
  if (demo) return { kind: 'demo' };
  if (!jwt)
    throw new Error(
      'No sign-in configured: set AUTH_JWT_SECRET (or AUTH_JWKS_URL) with AUTH_JWT_ISSUER and ' +
        'AUTH_JWT_AUDIENCE to verify your users’ tokens, or DEMO_SIGN_IN=1 for a local demo ' +
        '(the bearer token is the account id: never expose it).',
    );
  const tolerance = env.AUTH_JWT_CLOCK_TOLERANCE;
  if (tolerance !== undefined && !/^\d{1,4}$/.test(tolerance))
    throw new Error(`AUTH_JWT_CLOCK_TOLERANCE must be whole seconds, got "${tolerance}".`);
  return {
    kind: 'jwt',
    secret: env.AUTH_JWT_SECRET || undefined,
    jwksUrl: env.AUTH_JWKS_URL || undefined,
    issuer: env.AUTH_JWT_ISSUER ?? '',
    audience: env.AUTH_JWT_AUDIENCE ?? '',
    accountClaim: env.AUTH_JWT_ACCOUNT_CLAIM || undefined,
    clockToleranceSeconds: tolerance === undefined ? undefined : Number(tolerance),
  };
}
