import { useEffect, useRef, useState } from 'react';

/**
 * Text for a polite live region: empty on first load (nothing to announce),
 * then the new value each time the balance changes — a purchase, a refund,
 * credits spent elsewhere. Scoped to the account: another account's first
 * balance is not a change, and one account's announcement never shows to another.
 */
export function useBalanceAnnouncement(
  account: string,
  available: number | undefined,
  describe: (value: number) => string,
) {
  const previous = useRef<{ account: string; available: number } | undefined>(undefined);
  const [announced, setAnnounced] = useState({ account, message: '' });
  useEffect(() => {
    if (available === undefined) return;
    const last = previous.current;
    if (last?.account === account && last.available !== available)
      setAnnounced({ account, message: describe(available) });
    previous.current = { account, available };
  }, [account, available, describe]);
  return announced.account === account ? announced.message : '';
}
