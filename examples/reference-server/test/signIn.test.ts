import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runConformance } from 'credits-conformance';
import { createCreditsClient } from 'credits-core';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authSettingsFromEnv } from '../src/auth/authSettingsFromEnv';
import { createJwtAccountResolver } from '../src/auth/createJwtAccountResolver';
import { type ReferenceServer, startReferenceServer } from '../src/startReferenceServer';

const SECRET = 'a-host-secret-of-at-least-32-bytes!!';
const ISSUER = 'https://host.example';
const AUDIENCE = 'credits-api';
const now = () => Math.floor(Date.now() / 1000);

const hs256 = (claims: JWTPayload, secret = SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(secret));

const valid = (overrides: JWTPayload = {}): JWTPayload => ({
  iss: ISSUER,
  aud: AUDIENCE,
  sub: 'acct_alice',
  iat: now(),
  exp: now() + 300,
  ...overrides,
});

async function balance(server: ReferenceServer, authorization: string) {
  const response = await fetch(`${server.baseUrl}/balance`, {
    headers: { Authorization: authorization },
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: (await response.json()) as Record<string, unknown>,
  };
}

async function expectRefused(server: ReferenceServer, token: string) {
  const answer = await balance(server, `Bearer ${token}`);
  expect(answer.status).toBe(401);
  expect(answer.type).toContain('application/problem+json');
  expect(answer.body).toMatchObject({ status: 401, code: 'unauthenticated' });
}

describe('sign-in with the host’s HS256 tokens', () => {
  let server: ReferenceServer;
  beforeAll(async () => {
    server = await startReferenceServer({
      auth: { kind: 'jwt', secret: SECRET, issuer: ISSUER, audience: AUDIENCE },
    });
  }, 60_000);
  afterAll(() => server?.close());

  it('a valid token reaches its own account, and only its own', async () => {
    const as = async (sub: string) =>
      createCreditsClient({
        baseUrl: server.baseUrl,
        headers: { Authorization: `Bearer ${await hs256(valid({ sub }))}` },
      });
    const alice = await as('acct_alice');
    const intent = await alice.createSetupIntent();
    await alice.sandbox.confirmSetupIntent(intent.id, { paymentMethod: 'pm_card_visa' });
    expect((await alice.listPaymentMethods()).data).toHaveLength(1);
    expect((await (await as('acct_bob')).listPaymentMethods()).data).toHaveLength(0);
    // Tokens within the clock tolerance (30 s) still pass: issuer and API clocks differ.
    const skewed = await hs256(valid({ exp: now() - 10, nbf: now() + 10 }));
    expect((await balance(server, `Bearer ${skewed}`)).status).toBe(200);
  });

  it('passes the conformance kit with real sign-in on', async () => {
    const token = await hs256(valid({ sub: 'acct_conformance_jwt', exp: now() + 600 }));
    const report = await runConformance({ baseUrl: server.baseUrl, token });
    expect(
      report.results.filter((r) => r.status === 'fail').map((r) => `${r.id}: ${r.message}`),
    ).toEqual([]);
    // Including the check that a request without the token is refused.
    expect(report.results.find((r) => r.id === 'errors.unauthenticated')?.status).toBe('pass');
  }, 120_000);

  it('the demo sign-in (token = account) is off', async () => {
    await expectRefused(server, 'alice');
    await expectRefused(server, 'acct_alice');
  });

  it('refuses expired, not-yet-valid, other-audience, other-issuer and other-key tokens', async () => {
    await expectRefused(server, await hs256(valid({ exp: now() - 120 })));
    await expectRefused(server, await hs256(valid({ nbf: now() + 120 })));
    await expectRefused(server, await hs256(valid({ aud: 'another-api' })));
    await expectRefused(server, await hs256(valid({ iss: 'https://evil.example' })));
    await expectRefused(server, await hs256(valid(), 'another-secret-of-at-least-32-bytes!'));
  });

  it('refuses alg "none", a token without exp and one without the account claim', async () => {
    await expectRefused(server, new UnsecuredJWT(valid()).encode());
    const { exp: _exp, ...noExpiry } = valid();
    await expectRefused(server, await hs256(noExpiry));
    const { sub: _sub, ...noAccount } = valid();
    await expectRefused(server, await hs256(noAccount));
    await expectRefused(server, await hs256(valid({ sub: 'x'.repeat(129) })));
  });

  it('refuses a missing header, a non-JWT and an oversized header without reading it', async () => {
    expect((await balance(server, '')).status).toBe(401);
    await expectRefused(server, 'not.a-jwt');
    await expectRefused(server, `${'a'.repeat(9_000)}.b.c`);
  });
});

describe('sign-in with a JSON Web Key Set (key rotation)', () => {
  let server: ReferenceServer;
  let jwksServer: Server;
  let published: JWK[] = [];
  const keys: Record<string, CryptoKey> = {};
  const es256 = (kid: string, claims: JWTPayload) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid }).sign(keys[kid]!);

  beforeAll(async () => {
    for (const kid of ['key-1', 'key-2']) {
      const pair = await generateKeyPair('ES256', { extractable: true });
      keys[kid] = pair.privateKey;
      keys[`${kid}.public`] = pair.publicKey;
    }
    published = [{ ...(await exportJWK(keys['key-1.public']!)), kid: 'key-1', alg: 'ES256' }];
    jwksServer = createServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
    const { port } = jwksServer.address() as AddressInfo;
    server = await startReferenceServer({
      auth: {
        kind: 'jwt',
        jwksUrl: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        issuer: ISSUER,
        audience: AUDIENCE,
        accountClaim: 'org_id',
        jwksCooldownMs: 0,
      },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => jwksServer?.close(resolve));
  });

  it('follows a rotation: the new key works once published, the retired one stops', async () => {
    const claims = valid({ sub: undefined, org_id: 'acct_team' });
    expect((await balance(server, `Bearer ${await es256('key-1', claims)}`)).status).toBe(200);
    await expectRefused(server, await es256('key-2', claims));
    published = [{ ...(await exportJWK(keys['key-2.public']!)), kid: 'key-2', alg: 'ES256' }];
    expect((await balance(server, `Bearer ${await es256('key-2', claims)}`)).status).toBe(200);
    await expectRefused(server, await es256('key-1', claims));
  });

  it('answers 503, not 401, when the key set cannot be fetched (the token may be fine)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const resolve = createJwtAccountResolver({
      kind: 'jwt',
      jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    const token = await es256('key-2', valid());
    await expect(
      resolve(new Request('http://api.test/', { headers: { Authorization: `Bearer ${token}` } })),
    ).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
  });

  it('refuses an HS256 token made with the public key as its secret (algorithm confusion)', async () => {
    const publicJwk = JSON.stringify(published[0]);
    const claims = valid({ org_id: 'acct_team' });
    await expectRefused(server, await hs256(claims, publicJwk));
  });
});

describe('refusing to start', () => {
  it('demo sign-in with a live key is refused, saying why', async () => {
    await expect(
      startReferenceServer({
        auth: { kind: 'demo' },
        stripeSettings: { secretKey: 'sk_live_123', webhookSecret: 'whsec_1' },
      }),
    ).rejects.toThrow(/demo sign-in .* live Stripe key/);
    await expect(startReferenceServer({ auth: { kind: 'demo' }, mode: 'live' })).rejects.toThrow(
      /demo sign-in/,
    );
  });

  it('the environment must name a sign-in, and only one', () => {
    expect(() => authSettingsFromEnv({})).toThrow(/No sign-in configured.*AUTH_JWT_SECRET/);
    expect(() => authSettingsFromEnv({ DEMO_SIGN_IN: '1', AUTH_JWT_SECRET: SECRET })).toThrow(
      /not both/,
    );
    expect(authSettingsFromEnv({ DEMO_SIGN_IN: '1' })).toEqual({ kind: 'demo' });
    expect(
      authSettingsFromEnv({
        AUTH_JWT_SECRET: SECRET,
        AUTH_JWT_ISSUER: ISSUER,
        AUTH_JWT_AUDIENCE: AUDIENCE,
      }),
    ).toMatchObject({ kind: 'jwt', secret: SECRET, issuer: ISSUER, audience: AUDIENCE });
  });

  it('weak or incomplete JWT settings are refused before the server opens', async () => {
    const jwt = { kind: 'jwt' as const, issuer: ISSUER, audience: AUDIENCE };
    await expect(startReferenceServer({ auth: { ...jwt, secret: 'short' } })).rejects.toThrow(
      /at least 32 bytes/,
    );
    await expect(startReferenceServer({ auth: jwt })).rejects.toThrow(/exactly one/);
    await expect(
      startReferenceServer({ auth: { ...jwt, secret: SECRET, audience: '' } }),
    ).rejects.toThrow(/audience/);
  });
});
