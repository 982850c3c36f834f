import {
  createRemoteJWKSet,
  errors,
  type JWTVerifyGetKey,
  type JWTVerifyOptions,
  jwtVerify,
} from 'jose';
import { ProblemError } from '../ProblemError.js';

/**
 * How the host's backend signs its users in: a JWT the host issues, verified here with `jose`
 * (RFC 7519 / RFC 8725). Exactly one of `secret` (HS256) or `jwksUrl` (RS256/ES256/EdDSA keys
 * published by the host or its identity provider; rotation follows the key set's `kid`s).
 */
export interface JwtAuthSettings {
  kind: 'jwt';
  /** A shared HS256 secret, at least 32 bytes (RFC 7518 §3.2: the key must be ≥ the hash size). */
  secret?: string;
  /** A JSON Web Key Set URL; a token with an unknown `kid` refetches it (key rotation). */
  jwksUrl?: string;
  /** Required `iss`. */
  issuer: string;
  /** Required `aud` (one of the token's audiences). */
  audience: string;
  /** The claim that names the account. Default `sub`. */
  accountClaim?: string;
  /** Leeway for `exp` and `nbf`, in seconds. Default 30. */
  clockToleranceSeconds?: number;
  /** Minimum time between two key-set fetches, in ms (jose's default 30 000). */
  jwksCooldownMs?: number;
}

/** What an account id may look like when it comes from a claim: bounded and printable. */
const ACCOUNT = /^[\w.:@|-]{1,128}$/;
/** A bearer token is a compact JWS: three base64url parts; anything longer than 8 KB is refused unread. */
const BEARER = /^Bearer\s+([\w-]+\.[\w-]+\.[\w-]*)$/i;
const MAX_TOKEN = 8_192;

/** Refuses settings that would verify nothing or everything, before the server starts. */
export function assertJwtSettings(settings: JwtAuthSettings): void {
  if (Boolean(settings.secret) === Boolean(settings.jwksUrl))
    throw new Error('JWT sign-in needs exactly one of a secret (HS256) or a JWKS URL.');
  if (settings.secret && new TextEncoder().encode(settings.secret).byteLength < 32)
    throw new Error('The JWT secret must be at least 32 bytes (HS256, RFC 7518 §3.2).');
  if (settings.jwksUrl && !/^https?:\/\//.test(settings.jwksUrl))
    throw new Error(`The JWKS URL must be http(s): ${settings.jwksUrl}`);
  if (!settings.issuer) throw new Error('JWT sign-in needs an issuer (AUTH_JWT_ISSUER).');
  if (!settings.audience) throw new Error('JWT sign-in needs an audience (AUTH_JWT_AUDIENCE).');
}

/**
 * The account a request's bearer token names, or `null` (401) when the token is missing,
 * malformed, signed with another key or algorithm (`alg: none` included), expired, not yet
 * valid, for another issuer or audience, or without the account claim.
 */
export function createJwtAccountResolver(
  settings: JwtAuthSettings,
): (request: Request) => Promise<string | null> {
  assertJwtSettings(settings);
  const key: Uint8Array | JWTVerifyGetKey = settings.secret
    ? new TextEncoder().encode(settings.secret)
    : createRemoteJWKSet(new URL(settings.jwksUrl as string), {
        cooldownDuration: settings.jwksCooldownMs,
        timeoutDuration: 5_000,
      });
  const options: JWTVerifyOptions = {
    issuer: settings.issuer,
    audience: settings.audience,
    clockTolerance: settings.clockToleranceSeconds ?? 30,
    // Never let the token choose: HS256 with a secret, asymmetric algorithms with a key set.
    algorithms: settings.secret ? ['HS256'] : ['RS256', 'PS256', 'ES256', 'EdDSA'],
    requiredClaims: ['exp'],
  };
  const claim = settings.accountClaim ?? 'sub';
  return async (request) => {
    const header = request.headers.get('authorization') ?? '';
    if (header.length > MAX_TOKEN) return null;
    const token = BEARER.exec(header)?.[1];
    if (!token) return null;
    try {
      const { payload } =
        typeof key === 'function'
          ? await jwtVerify(token, key, options)
          : await jwtVerify(token, key, options);
      const account = payload[claim];
      return typeof account === 'string' && ACCOUNT.test(account) ? account : null;
    } catch (error) {
      // The key set could not be fetched: the token may be fine, so not a 401.
      if (!(error instanceof errors.JOSEError) || error instanceof errors.JWKSTimeout)
        throw new ProblemError(503, 'service_unavailable', 'Sign-in keys unavailable');
      return null;
    }
  };
}
