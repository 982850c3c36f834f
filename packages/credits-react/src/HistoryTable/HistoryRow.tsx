/** biome-ignore-all lint/a11y/noRedundantRoles: CSS grid/flex on table elements drops their table semantics in some browsers (Safari, older Chrome); explicit roles restore them. */
import { TRANSACTION_TYPES, type Transaction } from 'credits-core';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { historyLabels } from '../labels/historyLabels.js';
import { cn } from '../lib/cn.js';
import { WebsiteCell } from './WebsiteCell.js';

/**
 * One ledger movement. A table row from 40rem of width on; narrower, two lines
 * (description and amount, then date, website and balance) — styles.css lays
 * it out by `data-column`. Credits added are green, credits spent stay neutral:
 * spending is routine, not an error.
 */
export function HistoryRow({
  transaction,
  index,
  start,
  rowPx,
}: {
  transaction: Transaction;
  index: number;
  start: number;
  rowPx: number;
}) {
  const labels = useLabels(historyLabels);
  const format = useFormatters();
  const positive = transaction.amount > 0;
  const type = (TRANSACTION_TYPES as readonly string[]).includes(transaction.type)
    ? labels.transactionTypes[transaction.type as keyof typeof labels.transactionTypes]
    : labels.transactionTypes.other;
  return (
    <tr
      role="row"
      data-slot="history-row"
      data-type={transaction.type}
      aria-rowindex={index + 2}
      className="credits-history-row cr:absolute cr:start-0 cr:top-0 cr:overflow-hidden"
      style={{ height: rowPx, transform: `translateY(${start}px)` }}
    >
      <td role="cell" data-column="date" className="cr:text-muted">
        <time dateTime={transaction.createdAt}>{format.date(transaction.createdAt)}</time>
      </td>
      <td role="cell" data-column="description">
        <span className="cr:block cr:truncate" dir="auto" title={transaction.description}>
          {transaction.description}
        </span>
        <span data-part="type" className="cr:text-xs cr:text-muted">
          {type}
        </span>
      </td>
      <td
        role="cell"
        data-column="amount"
        data-slot="history-amount"
        data-sign={positive ? 'positive' : 'negative'}
        className={cn(positive ? 'cr:font-semibold cr:text-positive' : 'cr:font-medium')}
      >
        {format.signedCredits(transaction.amount)}
      </td>
      {/* Narrow, the balance is labelled by CSS (styles.css): no text node in the cell. */}
      <td role="cell" data-column="balance" data-label={labels.columns.balance}>
        {format.credits(transaction.balanceAfter)}
      </td>
      <td role="cell" data-column="website" className="cr:truncate">
        <WebsiteCell website={transaction.website} opensInNewTab={labels.opensInNewTab} />
      </td>
    </tr>
  );
}
