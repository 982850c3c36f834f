/** Whether the page is hidden, and when that changes (the document's, by default). */
export interface PageVisibility {
  hidden(): boolean;
  subscribe(onChange: () => void): () => void;
}

/** The document's visibility where there is a document; always visible elsewhere (Node, workers). */
export function documentVisibility(): PageVisibility {
  const doc = (
    globalThis as {
      document?: {
        visibilityState: string;
        addEventListener(type: string, listener: () => void): void;
        removeEventListener(type: string, listener: () => void): void;
      };
    }
  ).document;
  if (!doc) return { hidden: () => false, subscribe: () => () => undefined };
  return {
    hidden: () => doc.visibilityState === 'hidden',
    subscribe(onChange) {
      doc.addEventListener('visibilitychange', onChange);
      return () => doc.removeEventListener('visibilitychange', onChange);
    },
  };
}
