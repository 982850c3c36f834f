import { beforeAll } from 'vitest';

/**
 * jsdom has no ResizeObserver, which Radix Switch's hidden form input measures itself with
 * (Radix's own tests stub it the same way); the real one runs in the story tests in Chromium.
 */
export function stubResizeObserver() {
  beforeAll(() => {
    globalThis.ResizeObserver ??= class {
      observe() {}
      unobserve() {}
      disconnect() {}
    };
  });
}
