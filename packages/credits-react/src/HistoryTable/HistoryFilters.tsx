import { MAX_SEARCH_LENGTH, TRANSACTION_TYPES, type Website } from 'credits-core';
import { useId, useMemo, useState } from 'react';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { useTransactions } from '../hooks/useTransactions.js';
import { useUsageByWebsitePages } from '../hooks/useUsageByWebsitePages.js';
import { historyLabels } from '../labels/historyLabels.js';
import { cn } from '../lib/cn.js';
import { DateInput } from '../lib/DateInput.js';
import { useHistoryTable } from './HistoryTableContext.js';
import { hasFilters } from './historyFilterValues.js';

const field = 'cr:flex cr:min-w-0 cr:flex-col cr:gap-1 cr:text-sm';
const control = 'credits-control';

/** Server-side filters: type, website, date range and a debounced text search. */
export function HistoryFilters({ className }: { className?: string }) {
  const labels = useLabels(historyLabels);
  const format = useFormatters();
  const { values, setValues, filters, pageSize } = useHistoryTable('Filters');
  const ids = { type: useId(), website: useId(), from: useId(), to: useId(), search: useId() };
  // The ranking UsageByWebsite shows too (one request for both, the same cache entry).
  const usage = useUsageByWebsitePages();
  const loaded = useTransactions(filters, pageSize);

  // Websites come from usage and from the rows already loaded: the contract has no website list.
  const websites = useMemo(() => {
    const byId = new Map<string, Website>();
    for (const page of usage.data?.pages ?? [])
      for (const entry of page.data) byId.set(entry.website.id, entry.website);
    for (const page of loaded.data?.pages ?? []) {
      for (const row of page.data) if (row.website) byId.set(row.website.id, row.website);
    }
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [usage.data, loaded.data]);

  const set = (patch: Partial<typeof values>) => setValues({ ...values, ...patch });
  // Narrow containers show the filters behind this button (styles.css); wide ones always.
  const [open, setOpen] = useState(false);
  const fieldsetId = useId();
  const active = [
    values.type,
    values.websiteId,
    values.fromDay,
    values.toDay,
    values.search,
  ].filter(Boolean).length;

  return (
    <>
      <button
        type="button"
        data-slot="history-filters-toggle"
        aria-expanded={open}
        aria-controls={fieldsetId}
        className="credits-button credits-button--secondary cr:self-start"
        onClick={() => setOpen(!open)}
      >
        {labels.filters}
        {active > 0 && <span className="credits-badge">{format.count(active).formatted}</span>}
      </button>
      <fieldset
        id={fieldsetId}
        data-slot="history-filters"
        data-state={open ? 'open' : 'closed'}
        className={cn('credits-history-filters', className)}
      >
        <legend className="cr:sr-only">{labels.filters}</legend>
        <label htmlFor={ids.type} className={field}>
          {labels.filterType}
          <select
            id={ids.type}
            className={control}
            value={values.type ?? ''}
            onChange={(e) => set({ type: e.target.value })}
          >
            <option value="">{labels.allTypes}</option>
            {TRANSACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {labels.transactionTypes[type]}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.website} className={field}>
          {labels.filterWebsite}
          <select
            id={ids.website}
            className={control}
            value={values.websiteId ?? ''}
            onChange={(e) => set({ websiteId: e.target.value })}
          >
            <option value="">{labels.allWebsites}</option>
            {websites.map((website) => (
              <option key={website.id} value={website.id}>
                {website.name}
              </option>
            ))}
          </select>
        </label>
        <DateInput
          id={ids.from}
          label={labels.filterFrom}
          fieldClassName={field}
          className={control}
          value={values.fromDay ?? ''}
          emptyText={labels.anyDate}
          max={values.toDay || undefined}
          onValueChange={(fromDay) => set({ fromDay })}
        />
        <DateInput
          id={ids.to}
          label={labels.filterTo}
          fieldClassName={field}
          className={control}
          value={values.toDay ?? ''}
          emptyText={labels.anyDate}
          min={values.fromDay || undefined}
          onValueChange={(toDay) => set({ toDay })}
        />
        <label htmlFor={ids.search} className={cn(field, 'cr:col-span-full')}>
          {labels.search}
          <input
            id={ids.search}
            type="search"
            className={control}
            placeholder={labels.searchPlaceholder}
            maxLength={MAX_SEARCH_LENGTH}
            value={values.search ?? ''}
            onChange={(e) => set({ search: e.target.value })}
          />
        </label>
        {/* When nothing matches, the message under the filters offers it (HistoryRows): one, not two. */}
        {hasFilters(values) && !loaded.data?.pages.every((page) => page.data.length === 0) && (
          <button
            type="button"
            className="credits-button credits-button--secondary"
            onClick={() => setValues({})}
          >
            {labels.clearFilters}
          </button>
        )}
      </fieldset>
    </>
  );
}
