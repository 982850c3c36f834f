import { useEffect, useRef, useState } from 'react';

/**
 * Text for a polite live region: empty on first load (nothing to announce),
 * then the new value each time the balance changes — a purchase, a refund,
 * credits spent elsewhere.
 */
export function useBalanceAnnouncement(
  available: number | undefined,
  describe: (value: number) => string,
) {
  const previous = useRef<number | undefined>(undefined);
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (available === undefined) return;
    if (previous.current !== undefined && previous.current !== available)
      setMessage(describe(available));
    previous.current = available;
  }, [available, describe]);
  return message;
}
