import { describe, expect, it } from 'vitest';
import { createAccountLimiter } from '../src/createAccountLimiter';

/** A request that runs until released. */
function blocker() {
  let release = () => {};
  let started = false;
  const run = () =>
    new Promise<string>((resolve) => {
      started = true;
      release = () => resolve('done');
    });
  return {
    run,
    release: () => release(),
    get started() {
      return started;
    },
  };
}

describe('createAccountLimiter', () => {
  it('one account flooding waits its turn while another account runs at once', async () => {
    const limit = createAccountLimiter({ concurrency: 2, maxQueued: 10, maxWaitMs: 60_000 });
    const flood = [blocker(), blocker(), blocker()];
    const answers = flood.map((request) => limit('acct_flood', request.run));
    await Promise.resolve();
    expect(flood.map((request) => request.started)).toEqual([true, true, false]);
    // The other account is not behind the flood.
    await expect(limit('acct_other', async () => 'balance')).resolves.toBe('balance');
    flood[0]!.release();
    await answers[0];
    await expect.poll(() => flood[2]!.started).toBe(true);
    flood[1]!.release();
    flood[2]!.release();
    await expect(Promise.all(answers)).resolves.toEqual(['done', 'done', 'done']);
  });

  it('a full queue answers 429 with Retry-After at once', async () => {
    const limit = createAccountLimiter({ concurrency: 1, maxQueued: 1, maxWaitMs: 60_000 });
    const running = blocker();
    const queued = blocker();
    const first = limit('acct_a', running.run);
    const second = limit('acct_a', queued.run);
    await expect(limit('acct_a', async () => 'never')).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      headers: { 'Retry-After': '1' },
    });
    running.release();
    await expect.poll(() => queued.started).toBe(true);
    queued.release();
    await expect(Promise.all([first, second])).resolves.toEqual(['done', 'done']);
  });

  it('a request that waited past its deadline is not run', async () => {
    const limit = createAccountLimiter({ concurrency: 1, maxQueued: 10, maxWaitMs: 1 });
    const running = blocker();
    const first = limit('acct_a', running.run);
    let ran = false;
    const late = limit('acct_a', async () => {
      ran = true;
      return 'late';
    });
    // Its turn comes only after this wait, so it has waited longer than its 1 ms.
    await new Promise((resolve) => setTimeout(resolve, 20));
    running.release();
    await expect(late).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(ran).toBe(false);
    await first;
  });
});
