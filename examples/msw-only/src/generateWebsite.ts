import { CreditsHttpError } from 'credits-core';
import { createCreditsServerClient } from 'credits-core/server';
import { DEFAULT_ACCOUNT_ID, DEFAULT_SERVER_API_KEY } from 'credits-msw';
import { HttpResponse, http } from 'msw';

const website = { id: 'web_bakery', name: 'Bakery Bliss', url: 'https://bakery-bliss.example' };

/**
 * The host's own `POST /generate-website`, played in the service worker as the vite-app's server
 * plays it (hostGenerate.ts): hold the estimated 1,500 credits through credits-msw's Server API,
 * capture the real 1,250, release the hold if that fails. The key is the fake's test key.
 */
export const generateWebsite = http.post('/generate-website', async () => {
  const credits = createCreditsServerClient({
    baseUrl: `${location.origin}/api/credits/v1`,
    apiKey: DEFAULT_SERVER_API_KEY,
  });
  try {
    const hold = await credits.createHold(DEFAULT_ACCOUNT_ID, {
      credits: 1_500,
      description: 'Website generation',
      expiresAt: new Date(Date.now() + 5 * 60_000).toISOString(),
      websiteId: website.id,
      websiteName: website.name,
      websiteUrl: website.url,
    });
    const captured = await credits
      .captureHold(DEFAULT_ACCOUNT_ID, hold.id, 1_250)
      .catch(async (error: unknown) => {
        await credits.releaseHold(DEFAULT_ACCOUNT_ID, hold.id).catch(() => undefined);
        throw error;
      });
    return HttpResponse.json({ website, credits: captured.captured });
  } catch (error) {
    if (error instanceof CreditsHttpError && error.problem) {
      return HttpResponse.json(error.problem, { status: error.status });
    }
    return HttpResponse.json({ detail: 'Generation failed.' }, { status: 502 });
  }
});
