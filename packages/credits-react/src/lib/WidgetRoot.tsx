import { textDirection } from 'credits-core';
import type { ComponentPropsWithoutRef } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { cn } from './cn.js';

type WidgetRootProps = ComponentPropsWithoutRef<'div'> & {
  /** `data-slot` of the widget, e.g. `balance-cards`. */
  slot: string;
  status: 'loading' | 'error' | 'success';
};

/** The root every widget renders: theme tokens, text direction, language and state attributes. */
export function WidgetRoot({ slot, status, className, ...props }: WidgetRootProps) {
  const { theme, locale } = useCreditsContext(`<${slot}>`);
  return (
    <div
      data-credits-root=""
      data-credits-theme={theme}
      data-slot={slot}
      data-status={status}
      dir={textDirection(locale)}
      lang={locale}
      className={cn('cr:font-credits cr:text-fg', className)}
      {...props}
    />
  );
}
