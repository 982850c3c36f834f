import { createCreditsClient } from 'credits-core';
import {
  AddCreditsDialog,
  BalanceCards,
  CreditsProvider,
  DEFAULT_USAGE_PERIOD,
  type HistoryFilterValues,
  HistoryTable,
  PaymentMethods,
  UsageByWebsite,
  type UsagePeriod,
  useCreditsConfig,
  useInvalidateCredits,
} from 'credits-react';
import { AutoRechargeSettings } from 'credits-react/auto-recharge';
import { AutoRechargeStatus } from 'credits-react/auto-recharge-status';
import { UsageChart } from 'credits-react/usage-chart';
import { useState } from 'react';

/**
 * The page's CSP nonce, when the server sends one: Vite's `html.cspNonce`
 * writes it into `<meta property="csp-nonce">` (see test/csp.e2e.test.ts).
 */
const cspNonce =
  document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce || undefined;

/**
 * Signed in as a host does it: the host's backend (here the dev/preview server's
 * `GET /session`, see hostSession.ts) answers a short-lived signed token for its user, which
 * the API verifies. Fetched again a minute before it expires; one fetch shared by all calls.
 */
let session: Promise<{ token: string; expiresAt: number }> | undefined;
let renewAt = 0;
function authorization(): Promise<Record<string, string>> {
  if (!session || Date.now() / 1000 >= renewAt) {
    renewAt = Number.POSITIVE_INFINITY; // one fetch while it is under way
    const started = fetch('/session').then(async (response) => {
      if (!response.ok) throw new Error(`Sign-in failed (${response.status})`);
      const answer = (await response.json()) as { token: string; expiresAt: number };
      renewAt = answer.expiresAt - 60;
      return answer;
    });
    started.catch(() => {
      renewAt = 0; // the next call tries again
    });
    session = started;
  }
  return session.then(({ token }) => ({ Authorization: `Bearer ${token}` }));
}
/** The signed-in user's account, as the host knows it (keys the widgets' cache). */
const ACCOUNT = 'acct_demo';
const client = createCreditsClient({ baseUrl: '/api/credits/v1', headers: authorization });

/**
 * What a host does when a user generates a website: its own server (here the demo server's
 * `POST /generate-website`, see hostGenerate.ts) holds the estimated cost with the Server API's
 * secret key, runs the job and captures the real cost. The page never sees the key.
 */
function GenerateWebsite() {
  const invalidate = useInvalidateCredits();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const generate = async () => {
    if (busy) return;
    setBusy(true);
    const response = await fetch('/generate-website', { method: 'POST' }).catch(() => null);
    setBusy(false);
    if (!response) {
      setMessage('We can’t reach the server. Check your connection and try again.');
    } else if (response.ok) {
      const done = (await response.json()) as { website: { name: string }; credits: number };
      setMessage(
        `Generated ${done.website.name}: ${done.credits.toLocaleString('en-US')} credits spent.`,
      );
      await invalidate();
    } else {
      const problem = (await response.json().catch(() => ({}))) as {
        detail?: string;
        title?: string;
      };
      setMessage(problem.detail ?? problem.title ?? 'Generation failed.');
    }
  };
  return (
    <div className="actions">
      {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
      <button
        type="button"
        className="generate"
        onClick={generate}
        aria-disabled={busy || undefined}
      >
        Generate website (1,250 credits)
      </button>
      <p className="notice" role="status">
        {message}
      </p>
    </div>
  );
}

/** Auto-recharge settings, where the backend offers them (`Config.autoRecharge`). */
function AutoRecharge() {
  const config = useCreditsConfig();
  return config.data?.autoRecharge ? <AutoRechargeSettings /> : null;
}

export function App() {
  // One period for the chart and the ranking (the shared picker moves both); choosing a bar or a
  // legend entry sets the history's website and days, the other filters stay as the user set them.
  const [period, setPeriod] = useState<UsagePeriod>(DEFAULT_USAGE_PERIOD);
  const [historyFilters, setHistoryFilters] = useState<HistoryFilterValues>({});
  return (
    <CreditsProvider
      client={client}
      account={ACCOUNT}
      locale={navigator.language}
      timeZone={Intl.DateTimeFormat().resolvedOptions().timeZone}
      nonce={cspNonce}
    >
      <main className="page">
        <header>
          <h1>Credits Manager</h1>
          <GenerateWebsite />
        </header>
        <AddCreditsDialog>
          <BalanceCards
            addCreditsAction={<AddCreditsDialog.Trigger />}
            status={<AutoRechargeStatus />}
          />
        </AddCreditsDialog>
        {/* Above the ranking and the history it filters: the columns below grow when their data
            comes, and nothing above them moves (test/layoutShift.e2e.test.ts). */}
        <UsageChart
          period={period}
          onPeriodChange={setPeriod}
          onSelect={({ websiteId, fromDay, toDay }) =>
            setHistoryFilters((current) => ({ ...current, websiteId, fromDay, toDay }))
          }
        />
        <div className="columns">
          <PaymentMethods />
          <UsageByWebsite period={period} onPeriodChange={setPeriod} />
        </div>
        <AutoRecharge />
        <section aria-labelledby="history-title">
          <h2 id="history-title">History</h2>
          <HistoryTable filters={historyFilters} onFiltersChange={setHistoryFilters} />
        </section>
      </main>
    </CreditsProvider>
  );
}
