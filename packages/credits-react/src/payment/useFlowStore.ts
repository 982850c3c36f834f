import { type DependencyList, useEffect, useMemo, useSyncExternalStore } from 'react';

/** The shape both core payment flows share (`createPurchaseFlow`, `createSaveCardFlow`). */
interface FlowStore<TState> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): TState;
  reset(): void;
}

/**
 * Binds a core payment flow to React: the flow exists from the first render
 * (created without side effects, again only when `deps` change), its state is
 * read with `useSyncExternalStore`, and unmounting stops its running step.
 * `reset()`, not `dispose()`: under StrictMode the same flow mounts again, and
 * an attempt whose outcome is unknown must survive to be repeated.
 */
export function useFlowStore<TFlow extends FlowStore<unknown>>(
  create: () => TFlow,
  deps: DependencyList,
): { flow: TFlow; state: ReturnType<TFlow['getSnapshot']> } {
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the flow depends on
  const flow = useMemo(create, deps);
  useEffect(() => () => flow.reset(), [flow]);
  const state = useSyncExternalStore(
    flow.subscribe,
    flow.getSnapshot,
    flow.getSnapshot,
  ) as ReturnType<TFlow['getSnapshot']>;
  return { flow, state };
}
