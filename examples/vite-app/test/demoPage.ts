import type { Page } from 'playwright';
import type { PreviewedExample } from '../../support/previewExample';

/**
 * A new tab on the demo, once its balance is on screen; with `live`, also once its live stream
 * is open (the server answers `GET /events` only after it registered the stream and queued its
 * `ready` event, so whatever commits from then on reaches the page).
 */
export async function openDemo(app: PreviewedExample, { live = false } = {}): Promise<Page> {
  const page = await app.browser.newPage();
  // Fail a step with its own message well before the test's 60 s timeout.
  page.setDefaultTimeout(15_000);
  const streamOpen =
    live &&
    page.waitForResponse(
      (response) => new URL(response.url()).pathname.endsWith('/events') && response.ok(),
      { timeout: 30_000 },
    );
  await page.goto(app.url);
  await page.getByText('Current balance').waitFor();
  if (streamOpen) await streamOpen;
  return page;
}

/** The "Available" card's figure, as a number. */
export const availableCredits = async (page: Page) =>
  Number(
    (
      (await page
        .locator('[data-variant="available"] [data-slot="balance-value"]')
        .textContent()) ?? ''
    ).replace(/\D/g, ''),
  );

/** What a tab asks for from now on: live stream (re)connections, balance reads, navigations. */
export function recordRequests(page: Page) {
  const seen = {
    streams: [] as string[],
    balanceReads: [] as string[],
    navigations: [] as string[],
  };
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith('/events')) seen.streams.push(path);
    if (path.endsWith('/balance')) seen.balanceReads.push(path);
    if (request.isNavigationRequest()) seen.navigations.push(request.url());
  });
  return seen;
}
