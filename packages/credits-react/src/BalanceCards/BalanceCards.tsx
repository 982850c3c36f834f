import { percentUsed } from 'credits-core';
import { type ReactNode, useCallback, useId } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useBalance } from '../hooks/useBalance.js';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { balanceLabels } from '../labels/balanceLabels.js';
import { cn } from '../lib/cn.js';
import { ErrorState } from '../lib/ErrorState.js';
import { markCount, useIsolateValues } from '../lib/useIsolateValues.js';
import { withErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { WidgetRoot } from '../lib/WidgetRoot.js';
import { widgetStatus } from '../lib/widgetStatus.js';
import { BalanceCardsSkeleton } from './BalanceCardsSkeleton.js';
import { balanceGrid, balanceCard as card } from './balanceCardClasses.js';
import { balanceState } from './balanceState.js';
import { useBalanceAnnouncement } from './useBalanceAnnouncement.js';

export interface BalanceCardsProps {
  className?: string;
  /** Warn below this many credits. Default: the backend's `lowBalanceThreshold`. */
  lowBalanceThreshold?: number;
  /** Shows an "Add credits" action under the cards, in every state of the balance. */
  onAddCredits?: () => void;
  /** Your own action instead, e.g. `<AddCreditsDialog.Trigger />` (focus then returns to it). */
  addCreditsAction?: ReactNode;
  /**
   * A status line under the cards, e.g. `<AutoRechargeStatus />` from
   * `credits-react/auto-recharge` (shown where the backend offers auto-recharge).
   */
  status?: ReactNode;
  /** `compact` writes 1.2M instead of 1,234,567 (the full number stays available to screen readers). */
  notation?: 'standard' | 'compact';
}

const value = 'cr:text-2xl cr:font-semibold cr:tabular-nums cr:tracking-tight';

/**
 * The account's credits at a glance: **Current balance** (available = total −
 * used), **Used credits** with its share of the total, and **Expiring soon**
 * when grants expire. Warns when the balance runs low.
 */
function BalanceCardsContent({
  className,
  lowBalanceThreshold,
  onAddCredits,
  addCreditsAction,
  status: statusLine,
  notation = 'standard',
}: BalanceCardsProps) {
  const labels = useLabels(balanceLabels);
  const isolate = useIsolateValues();
  const format = useFormatters();
  const balance = useBalance();
  const headingId = useId();
  const describe = useCallback(
    (available: number) => labels.balanceUpdated(format.count(available)),
    [labels, format],
  );
  const { account } = useCreditsContext('<BalanceCards>');
  const announcement = useBalanceAnnouncement(account, balance.data?.available, describe);

  const status = widgetStatus(balance);
  const state = balance.data ? balanceState(balance.data, lowBalanceThreshold) : 'ok';
  const message = state === 'ok' ? undefined : labels[`${state}Balance`];
  const action =
    addCreditsAction ??
    (onAddCredits && (
      <button
        type="button"
        onClick={onAddCredits}
        className="credits-button credits-button--primary"
      >
        {labels.addCredits}
      </button>
    ));

  const amount = (credits: number) =>
    notation === 'compact' ? (
      <>
        <span aria-hidden="true">{labels.credits(format.count(credits, 'compact'))}</span>
        <span className="cr:sr-only">{labels.credits(format.count(credits))}</span>
      </>
    ) : (
      labels.credits(format.count(credits))
    );

  return (
    <WidgetRoot
      slot="balance-cards"
      status={status}
      className={className}
      aria-busy={status === 'loading'}
    >
      <h2 id={headingId} className="cr:sr-only">
        {labels.balanceRegion}
      </h2>
      {status === 'loading' && <BalanceCardsSkeleton label={labels.loadingBalance} />}
      {status === 'error' && (
        <ErrorState error={balance.error} onRetry={() => void balance.refetch()} />
      )}
      {balance.data &&
        (() => {
          const { total, used, held, available, expiring } = balance.data;
          const fraction = percentUsed(balance.data);
          const percentText = format.percent(fraction);
          // The text says 120% when overdrawn; the bar stops full.
          const shown = Math.min(1, fraction);
          const soonest = [...expiring].sort((a, b) => a.expiresAt.localeCompare(b.expiresAt))[0];
          return (
            <dl aria-labelledby={headingId} className={cn('cr:m-0', balanceGrid)}>
              <div data-slot="balance-card" data-variant="available" className={card}>
                <span aria-hidden="true" />
                <dt>{labels.currentBalance}</dt>
                <dd data-slot="balance-value" className={value}>
                  {amount(available)}
                </dd>
                <dd>{isolate((mark) => labels.ofTotal(markCount(mark, format.count(total))))}</dd>
                {held > 0 && (
                  <dd data-slot="balance-held">
                    {isolate((mark) => labels.heldCredits(markCount(mark, format.count(held))))}
                  </dd>
                )}
              </div>
              <div data-slot="balance-card" data-variant="used" className={card}>
                <span aria-hidden="true" />
                <dt>{labels.usedCredits}</dt>
                <dd data-slot="balance-value" className={value}>
                  {amount(used)}
                </dd>
                <dd className="cr:flex cr:flex-col cr:gap-2">
                  <span>{isolate((mark) => labels.percentUsed(mark(percentText)))}</span>
                  <div
                    role="progressbar"
                    aria-label={labels.creditsUsedBar}
                    aria-valuemin={0}
                    aria-valuemax={100}
                    aria-valuenow={Math.round(shown * 1000) / 10}
                    aria-valuetext={labels.percentUsed(percentText)}
                    data-slot="usage-bar"
                    className="credits-meter cr:h-2 cr:w-full cr:overflow-hidden cr:rounded-full cr:bg-warning-soft"
                  >
                    <div
                      className="cr:h-full cr:rounded-full cr:bg-warning"
                      style={{ width: `${shown * 100}%` }}
                    />
                  </div>
                </dd>
              </div>
              {soonest && (
                <div data-slot="balance-card" data-variant="expiring" className={card}>
                  <span aria-hidden="true" />
                  <dt>{labels.expiringSoon}</dt>
                  <dd data-slot="balance-value" className={value}>
                    {amount(expiring.reduce((sum, grant) => sum + grant.amount, 0))}
                  </dd>
                  <dd>
                    {isolate((mark) =>
                      labels.expiresOn(
                        markCount(mark, format.count(soonest.amount)),
                        mark(format.date(soonest.expiresAt)),
                      ),
                    )}
                  </dd>
                </div>
              )}
            </dl>
          );
        })()}
      {/* One place in the tree while loading and after, so the action (and focus on it) stays:
          buying needs no balance. */}
      {(status === 'loading' || balance.data) && (message || action) && (
        <div
          data-slot="balance-notice"
          // The cards' tone follows this state (styles.css): one colour for the balance.
          data-state={state}
        >
          {message && <p>{message}</p>}
          {action}
        </div>
      )}
      {balance.data && statusLine}
      <div
        aria-live="polite"
        aria-atomic="true"
        className="cr:sr-only"
        data-slot="balance-announcer"
      >
        {announcement}
      </div>
    </WidgetRoot>
  );
}

/** BalanceCards, inside its own error boundary. */
export const BalanceCards = /* @__PURE__ */ withErrorBoundary('balance-cards', BalanceCardsContent);
