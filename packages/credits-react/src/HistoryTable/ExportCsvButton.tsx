import { isCreditsError } from 'credits-core';
import { useEffect, useRef, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { historyLabels } from '../labels/historyLabels.js';
import { cn } from '../lib/cn.js';
import { markCount, useIsolateValues } from '../lib/useIsolateValues.js';
import { useHistoryTable } from './HistoryTableContext.js';

type ExportState =
  | { status: 'idle' }
  | { status: 'exporting'; rows: number }
  | { status: 'done'; rows: number }
  | { status: 'error' };

/** Exports every transaction of the current filter as CSV, with progress and Cancel. */
export function ExportCsvButton({ className }: { className?: string }) {
  const { client } = useCreditsContext('<HistoryTable.ExportButton>');
  const labels = useLabels(historyLabels);
  const isolate = useIsolateValues();
  const { filters } = useHistoryTable('ExportButton');
  const format = useFormatters();
  const [state, setState] = useState<ExportState>({ status: 'idle' });
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  const start = async () => {
    controller.current = new AbortController();
    const { signal } = controller.current;
    setState({ status: 'exporting', rows: 0 });
    try {
      const { downloadTransactionsCsv } = await import('./exportCsv.js');
      const rows = await downloadTransactionsCsv({
        client,
        filters,
        signal,
        onProgress: (count) => setState({ status: 'exporting', rows: count }),
      });
      setState({ status: 'done', rows });
    } catch (error) {
      setState(
        isCreditsError(error) && error.code === 'aborted'
          ? { status: 'idle' }
          : { status: 'error' },
      );
    }
  };

  return (
    <div
      data-slot="history-export"
      data-status={state.status}
      className={cn('cr:flex cr:items-center cr:gap-3', className)}
    >
      {state.status === 'exporting' ? (
        <button
          type="button"
          className="credits-button credits-button--secondary"
          onClick={() => controller.current?.abort()}
        >
          {labels.cancel}
        </button>
      ) : (
        <button type="button" className="credits-button credits-button--secondary" onClick={start}>
          {labels.exportCsv}
        </button>
      )}
      <p role="status" className="cr:m-0 cr:text-sm cr:text-muted">
        {state.status === 'exporting' &&
          isolate((mark) => labels.exporting(markCount(mark, format.count(state.rows))))}
        {state.status === 'done' &&
          isolate((mark) => labels.exportDone(markCount(mark, format.count(state.rows))))}
        {state.status === 'error' && <span className="cr:text-danger">{labels.exportFailed}</span>}
      </p>
    </div>
  );
}
