import type { ComponentPropsWithoutRef } from 'react';
import { cn } from './cn.js';
import { useRootAttributes } from './useRootAttributes.js';
import type { WidgetStatus } from './widgetStatus.js';

type WidgetRootProps = ComponentPropsWithoutRef<'div'> & {
  /** `data-slot` of the widget, e.g. `balance-cards`. */
  slot: string;
  status: WidgetStatus;
};

/** The root every widget renders: theme tokens, text direction, language and state attributes. */
export function WidgetRoot({ slot, status, className, ...props }: WidgetRootProps) {
  const root = useRootAttributes(`<${slot}>`);
  return (
    <div
      {...root}
      data-slot={slot}
      data-status={status}
      className={cn('cr:font-credits cr:text-fg', className)}
      {...props}
    />
  );
}
