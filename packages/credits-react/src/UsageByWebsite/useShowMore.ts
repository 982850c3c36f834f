import { useEffect, useRef, useState } from 'react';

interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  isFetchNextPageError: boolean;
  fetchNextPage: () => unknown;
}

/**
 * "Show more" over a cursor-paged list: `step` more entries a press, from the pages loaded,
 * and the next page asked for when they run out. Focus stays on the button while more remain
 * (the new count is announced); when the last entries come and the button goes, it moves to
 * the first new entry, so keyboard focus is never dropped to the page.
 */
export function useShowMore(pages: Pages, loaded: number, step: number, resetKey: string) {
  const [state, setState] = useState({ resetKey, shown: step });
  // Another period (or step) starts again at the first `step` entries.
  const shown = state.resetKey === resetKey ? state.shown : step;
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = pages;
  const visible = Math.min(shown, loaded);
  const hasMore = loaded > shown || hasNextPage;
  const loading = loaded < shown && isFetchingNextPage;
  const pending = useRef<number | null>(null);
  // An object, so the same index asked twice (another period, paged again) focuses again.
  const [target, setTarget] = useState<{ index: number } | null>(null);
  const focusRow = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (loaded < shown && hasNextPage && !isFetchingNextPage && !isFetchNextPageError)
      void fetchNextPage();
  }, [loaded, shown, hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage]);

  useEffect(() => {
    if (pending.current === null || loading) return;
    const firstNew = pending.current;
    pending.current = null;
    // Only when focus went with the button: a user who moved on keeps their place.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (!hasMore && visible > firstNew && lost) setTarget({ index: firstNew });
  }, [hasMore, loading, visible]);

  useEffect(() => {
    if (target) focusRow.current?.focus();
  }, [target]);

  const showMore = () => {
    if (loading) return;
    pending.current = visible;
    setState({ resetKey, shown: shown + step });
  };
  return { visible, hasMore, loading, showMore, focusIndex: target?.index ?? null, focusRow };
}
