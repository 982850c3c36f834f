import { safeHttpUrl, type WebsiteUsage } from 'credits-core';
import type { Ref } from 'react';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { historyLabels } from '../labels/historyLabels.js';

/** One website of the ranking: its name (a link when it has a safe URL), credits, share, meter. */
export function UsageRow({
  entry,
  totalCredits,
  rowRef,
}: {
  entry: WebsiteUsage;
  totalCredits: number;
  /** The first row of a page loaded by "Show more": focus lands here when the button goes. */
  rowRef?: Ref<HTMLLIElement>;
}) {
  const labels = useLabels(historyLabels);
  const format = useFormatters();
  const share = totalCredits > 0 ? entry.credits / totalCredits : 0;
  const href = safeHttpUrl(entry.website.url);
  return (
    <li
      ref={rowRef}
      tabIndex={rowRef ? -1 : undefined}
      data-slot="usage-row"
      className="cr:flex cr:flex-col cr:gap-1 cr:text-sm"
    >
      <div className="cr:flex cr:items-baseline cr:justify-between cr:gap-3">
        {href ? (
          <a
            href={href}
            target="_blank"
            rel="noopener noreferrer"
            dir="auto"
            title={entry.website.name}
            className="cr:relative cr:truncate cr:text-accent cr:underline cr:underline-offset-2"
          >
            {entry.website.name}
            <span className="cr:sr-only">{` ${labels.opensInNewTab}`}</span>
          </a>
        ) : (
          <span className="cr:truncate" dir="auto" title={entry.website.name}>
            {entry.website.name}
          </span>
        )}
        <span className="cr:shrink-0 cr:tabular-nums cr:text-muted">
          {`${labels.credits(format.count(entry.credits))}${labels.separator}${format.percent(share)}`}
        </span>
      </div>
      <div
        aria-hidden="true"
        className="credits-meter cr:h-1.5 cr:w-full cr:overflow-hidden cr:rounded-full cr:bg-warning-soft"
      >
        <div
          className="cr:h-full cr:rounded-full cr:bg-warning"
          style={{ width: `${share * 100}%` }}
        />
      </div>
    </li>
  );
}
