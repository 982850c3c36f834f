/**
 * The rate limit counts in fixed one-minute windows (by the database's clock; the test's
 * PostgreSQL runs on this machine). A test that fills a window waits, if need be, until at least
 * `room` ms of the current minute are left, so its requests all fall into one window.
 */
export async function withinOneWindow(room = 5_000): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < room) await new Promise((resolve) => setTimeout(resolve, left + 100));
}
