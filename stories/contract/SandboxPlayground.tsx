import {
  type Balance,
  type CreditPackage,
  type CreditsError,
  createCreditsClient,
  createIdempotencyKey,
  formatCredits,
  formatMoney,
  isCreditsError,
  type Purchase,
} from 'credits-core';
import { SANDBOX_CARDS } from 'credits-core/sandbox';
import { useEffect, useId, useRef, useState } from 'react';
import { STORY_FONT } from '../support/storyFont';

export interface SandboxPlaygroundProps {
  /** Where the contract lives; credits-msw answers it in the browser. */
  baseUrl?: string;
  locale?: string;
}

type Status =
  | { state: 'idle' }
  | { state: 'busy' }
  | { state: 'challenge'; purchase: Purchase }
  | { state: 'done'; purchase: Purchase }
  | { state: 'error'; error: CreditsError };

const describe = (error: unknown) =>
  isCreditsError(error) ? `${error.message} (code: ${error.code})` : String(error);

/**
 * The contract end to end with nothing but credits-core: read the balance,
 * buy a package with a Stripe test card through the sandbox, answer 3D Secure.
 * A designer's and integrator's playground until the widgets land.
 */
export function SandboxPlayground({
  baseUrl = '/api/credits/v1',
  locale = 'en-US',
}: SandboxPlaygroundProps) {
  const [client] = useState(() => createCreditsClient({ baseUrl, retry: false }));
  const [balance, setBalance] = useState<Balance>();
  const [packages, setPackages] = useState<CreditPackage[]>([]);
  const [loadError, setLoadError] = useState<string>();
  const [packageId, setPackageId] = useState('');
  const [token, setToken] = useState(SANDBOX_CARDS[0]?.token ?? '');
  const [status, setStatus] = useState<Status>({ state: 'idle' });
  // One key per attempt: a retry of the same attempt can never charge twice.
  const attemptKey = useRef<string | undefined>(undefined);
  const ids = { package: useId(), card: useId() };

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([client.getBalance(controller), client.listPackages(controller)])
      .then(([nextBalance, list]) => {
        setBalance(nextBalance);
        setPackages(list.data);
        setPackageId(list.data[0]?.id ?? '');
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) setLoadError(describe(error));
      });
    return () => controller.abort();
  }, [client]);

  const settle = (purchase: Purchase) => {
    if (purchase.status === 'requires_action') return setStatus({ state: 'challenge', purchase });
    if (purchase.balance) setBalance(purchase.balance);
    attemptKey.current = undefined;
    setStatus({ state: 'done', purchase });
  };

  const buy = async () => {
    setStatus({ state: 'busy' });
    attemptKey.current ??= createIdempotencyKey();
    try {
      const created = await client.createPurchase(
        { packageId },
        { idempotencyKey: attemptKey.current },
      );
      settle(await client.sandbox.confirmPurchase(created.id, { paymentMethod: token }));
    } catch (error) {
      setStatus({ state: 'error', error: error as CreditsError });
    }
  };

  const authenticate = async (purchase: Purchase, outcome: 'complete' | 'fail') => {
    setStatus({ state: 'busy' });
    try {
      settle(await client.sandbox.authenticatePurchase(purchase.id, { outcome }));
    } catch (error) {
      setStatus({ state: 'error', error: error as CreditsError });
    }
  };

  if (loadError) {
    return (
      <p role="alert" data-status="error">
        Could not load credits: {loadError}
      </p>
    );
  }

  return (
    <section
      aria-labelledby={`${ids.package}-title`}
      data-status={status.state}
      style={{ font: `14px ${STORY_FONT}`, maxWidth: 420 }}
    >
      <h2 id={`${ids.package}-title`} style={{ fontSize: 18 }}>
        Sandbox purchase <small>(test mode)</small>
      </h2>
      <p>
        Available:{' '}
        <output aria-live="polite" data-slot="available">
          {balance ? `${formatCredits(balance.available, { locale })} credits` : 'Loading…'}
        </output>
      </p>
      <p>
        <label htmlFor={ids.package}>Package </label>
        <select
          id={ids.package}
          value={packageId}
          onChange={(event) => setPackageId(event.target.value)}
        >
          {packages.map((pkg) => (
            <option key={pkg.id} value={pkg.id}>
              {formatCredits(pkg.credits, { locale })} credits —{' '}
              {formatMoney(pkg.price, { locale })}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor={ids.card}>Test card </label>
        <select id={ids.card} value={token} onChange={(event) => setToken(event.target.value)}>
          {SANDBOX_CARDS.map((card) => (
            <option key={card.token} value={card.token}>
              {card.number.replace(/(\d{4})(?=\d)/g, '$1 ')} — {card.description}
            </option>
          ))}
        </select>
      </p>
      <button
        type="button"
        onClick={buy}
        disabled={status.state === 'busy' || !packageId}
        aria-busy={status.state === 'busy'}
      >
        Buy credits
      </button>
      {status.state === 'challenge' && (
        <fieldset>
          <legend>3D Secure challenge</legend>
          <p>Your bank asks you to confirm this payment.</p>
          <button type="button" onClick={() => authenticate(status.purchase, 'complete')}>
            Complete authentication
          </button>{' '}
          <button type="button" onClick={() => authenticate(status.purchase, 'fail')}>
            Fail authentication
          </button>
        </fieldset>
      )}
      {status.state === 'done' && status.purchase.status === 'succeeded' && (
        <p role="status">Added {formatCredits(status.purchase.credits, { locale })} credits.</p>
      )}
      {status.state === 'done' && status.purchase.failure && (
        <p role="alert">{status.purchase.failure.message}</p>
      )}
      {status.state === 'error' && <p role="alert">{describe(status.error)}</p>}
    </section>
  );
}
