import { CreditsHttpError, isCreditsError } from 'credits-core';
import { createCreditsServerClient } from 'credits-core/server';
import type { Connect, Plugin } from 'vite';
import { DEMO_ACCOUNT } from './hostSession';

const WEBSITES = [
  { id: 'web_bakery', name: 'Bakery Bliss', url: 'https://bakery-bliss.example' },
  { id: 'web_yoga', name: 'Yoga Studio Flow', url: 'https://yoga-flow.example' },
  { id: 'web_cafe', name: 'Café Sol', url: 'https://cafe-sol.example' },
];
/** What a generation is estimated to cost (held first) and what it really costs (captured). */
export const ESTIMATED_CREDITS = 1_500;
export const GENERATION_CREDITS = 1_250;

/**
 * The host's backend spending credits as a host does (the demo's `POST /generate-website`):
 * with the Server API's secret key (`CREDITS_API_KEY`, never sent to the browser), it holds the
 * estimated cost for the signed-in user before the job, runs the job, then captures the real
 * cost — or releases the hold when the job fails. The browser only asks for a website.
 */
export function hostGenerate(): Plugin {
  const generate: Connect.NextHandleFunction = (request, response, next) => {
    if (request.url !== '/generate-website' || request.method !== 'POST') return next();
    const reply = (status: number, body: unknown) => {
      response.statusCode = status;
      response.setHeader('Cache-Control', 'no-store');
      response.setHeader('Content-Type', 'application/json');
      response.end(JSON.stringify(body));
    };
    const apiKey = process.env.CREDITS_API_KEY;
    if (!apiKey) return reply(503, { detail: 'CREDITS_API_KEY is not set' });
    const credits = createCreditsServerClient({
      baseUrl: `${process.env.CREDITS_API ?? 'http://127.0.0.1:8787'}/api/credits/v1`,
      apiKey,
    });
    const website = WEBSITES[Math.floor(Math.random() * WEBSITES.length)] ?? WEBSITES[0]!;
    void (async () => {
      const hold = await credits.createHold(DEMO_ACCOUNT, {
        credits: ESTIMATED_CREDITS,
        description: 'Website generation',
        expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
        websiteId: website.id,
        websiteName: website.name,
        websiteUrl: website.url,
      });
      try {
        // The job itself would run here; it turned out cheaper than estimated.
        const captured = await credits.captureHold(DEMO_ACCOUNT, hold.id, GENERATION_CREDITS);
        reply(200, { website, credits: captured.captured });
      } catch (error) {
        await credits.releaseHold(DEMO_ACCOUNT, hold.id).catch(() => undefined);
        throw error;
      }
    })().catch((error: unknown) => {
      if (error instanceof CreditsHttpError && error.problem) {
        return reply(error.status, error.problem);
      }
      reply(502, { detail: isCreditsError(error) ? error.message : 'Generation failed.' });
    });
  };
  return {
    name: 'credits-demo-host-generate',
    configureServer: (server) => void server.middlewares.use(generate),
    configurePreviewServer: (server) => void server.middlewares.use(generate),
  };
}
