import { type ComponentType, lazy } from 'react';

/**
 * `React.lazy` with a `preload()` to start fetching the chunk on intent (hover,
 * focus) so it is usually there by the click. A failed load is not cached, so a
 * later preload or mount tries the network again.
 */
/* @__NO_SIDE_EFFECTS__ */
// biome-ignore lint/suspicious/noExplicitAny: the same constraint as React.lazy's own signature
export function lazyWithPreload<TComponent extends ComponentType<any>>(
  load: () => Promise<{ default: TComponent }>,
) {
  let loading: Promise<{ default: TComponent }> | undefined;
  const preload = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  return Object.assign(lazy(preload), { preload });
}
