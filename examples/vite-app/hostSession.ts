import { SignJWT } from 'jose';
import type { Connect, Plugin } from 'vite';

/** What the reference server is told to expect (scripts/dev.sh, examples/support). */
export const DEMO_ISSUER = 'credits-demo-host';
export const DEMO_AUDIENCE = 'credits-api';
/** The demo's one signed-in user (the account the demo data is seeded into). */
export const DEMO_ACCOUNT = 'acct_demo';
const LIFETIME_SECONDS = 300;

/**
 * The host's backend, as far as the demo needs one: `GET /session` answers the signed-in
 * user's short-lived credits token — an HS256 JWT for `DEMO_ACCOUNT`, signed with
 * `CREDITS_JWT_SECRET` (the secret the reference server verifies with). A real host does
 * this in its own backend, after its own sign-in; the secret never reaches the browser.
 */
export function hostSession(secret = process.env.CREDITS_JWT_SECRET): Plugin {
  const key = secret ? new TextEncoder().encode(secret) : undefined;
  const session: Connect.NextHandleFunction = (request, response, next) => {
    if (request.url !== '/session' || request.method !== 'GET') return next();
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Type', 'application/json');
    if (!key) {
      response.statusCode = 503;
      response.end(JSON.stringify({ error: 'CREDITS_JWT_SECRET is not set' }));
      return;
    }
    const expiresAt = Math.floor(Date.now() / 1000) + LIFETIME_SECONDS;
    void new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(DEMO_ACCOUNT)
      .setIssuer(DEMO_ISSUER)
      .setAudience(DEMO_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresAt)
      .sign(key)
      .then((token) => response.end(JSON.stringify({ token, expiresAt })), next);
  };
  return {
    name: 'credits-demo-host-session',
    configureServer: (server) => void server.middlewares.use(session),
    configurePreviewServer: (server) => void server.middlewares.use(session),
  };
}
