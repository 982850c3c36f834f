import { Component, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import { useLabels } from '../hooks/useLabels.js';
import { useRootAttributes } from './useRootAttributes.js';

function Fallback({ slot, onRetry }: { slot: string; onRetry: () => void }) {
  const root = useRootAttributes(`<${slot}>`);
  const labels = useLabels();
  return (
    <div
      {...root}
      data-slot={slot}
      data-status="error"
      role="alert"
      className="cr:flex cr:flex-wrap cr:items-center cr:gap-3 cr:rounded-card cr:border cr:border-danger cr:bg-danger-soft cr:p-4 cr:text-sm cr:text-fg"
    >
      <p className="cr:m-0 cr:flex-1">{labels.errors.default}</p>
      <button type="button" onClick={onRetry} className="credits-button credits-button--secondary">
        {labels.retry}
      </button>
    </div>
  );
}

interface Props {
  slot: string;
  children: ReactNode;
}

/**
 * One per widget: a widget that fails to render shows its own error with a
 * Retry, and never takes its neighbours (or the host page) down with it.
 */
export class WidgetErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(
      `credits widget <${this.props.slot}> failed to render`,
      error,
      info.componentStack,
    );
  }

  override render() {
    if (this.state.failed)
      return <Fallback slot={this.props.slot} onRetry={() => this.setState({ failed: false })} />;
    return this.props.children;
  }
}

/** A widget inside its own error boundary: what every widget exports (`slot` names it). */
export function withErrorBoundary<P extends object>(slot: string, Content: ComponentType<P>) {
  return (props: P) => (
    <WidgetErrorBoundary slot={slot}>
      <Content {...props} />
    </WidgetErrorBoundary>
  );
}
