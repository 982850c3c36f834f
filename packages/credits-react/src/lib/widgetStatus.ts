/** What a widget's root says in `data-status`: loading, error (nothing to show), or success. */
export type WidgetStatus = 'loading' | 'error' | 'success';

/** The widget status of the query it shows: data already shown stays shown when a refetch fails. */
export function widgetStatus(query: {
  isPending: boolean;
  isError: boolean;
  data: unknown;
}): WidgetStatus {
  if (query.isPending) return 'loading';
  return query.isError && query.data === undefined ? 'error' : 'success';
}
