import { Slot } from '@radix-ui/react-slot';
import { useQueryClient } from '@tanstack/react-query';
import type { Purchase } from 'credits-core';
import { configQueryOptions, packagesQueryOptions } from 'credits-core/query';
import {
  type ComponentPropsWithoutRef,
  type ReactNode,
  Suspense,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext';
import { cn } from '../lib/cn';
import { lazyWithPreload } from '../lib/lazyWithPreload';
import { WidgetErrorBoundary } from '../lib/WidgetErrorBoundary';
import { AddCreditsDialogContext, useAddCreditsDialogContext } from './AddCreditsDialogContext';

// The dialog is in the lazily loaded dialogs chunk (see lib/dialogs.ts).
const AddCreditsDialogContent = /* @__PURE__ */ lazyWithPreload(() =>
  import('../lib/dialogs').then((dialogs) => ({ default: dialogs.AddCreditsDialogContent })),
);

export interface AddCreditsDialogProps {
  open?: boolean;
  defaultOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Called once per succeeded purchase, after the cache holds the new balance. */
  onPurchaseComplete?: (purchase: Purchase) => void;
  /** Usually `<AddCreditsDialog.Trigger>`; omit it to open the dialog from your own state. */
  children?: ReactNode;
  className?: string;
}

/** Opens the dialog; `asChild` puts the behaviour on your own button. */
function AddCreditsTrigger({
  children,
  className,
  asChild,
  onClick,
  onPointerEnter,
  onFocus,
  ...props
}: ComponentPropsWithoutRef<'button'> & { asChild?: boolean }) {
  const { labels, theme } = useCreditsContext('<AddCreditsDialog.Trigger>');
  const { open, setOpen, prepare, triggerRef } = useAddCreditsDialogContext();
  const Button = asChild ? Slot : 'button';
  // Placed anywhere in the host's page, the default trigger carries the widget tokens itself.
  const root = asChild ? {} : { 'data-credits-root': '', 'data-credits-theme': theme };
  return (
    <Button
      type="button"
      {...root}
      ref={triggerRef}
      data-slot="add-credits-trigger"
      data-state={open ? 'open' : 'closed'}
      aria-haspopup="dialog"
      aria-expanded={open}
      className={asChild ? className : cn('credits-button credits-button--primary', className)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) setOpen(true);
      }}
      onPointerEnter={(event) => {
        prepare();
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        prepare();
        onFocus?.(event);
      }}
      {...props}
    >
      {children ?? labels.addCredits}
    </Button>
  );
}

/**
 * Buy a credit package: packages as a radio group, the default card
 * pre-selected (or a new card), one Pay button that can never charge twice,
 * 3D Secure in-flow, and credits in every widget the instant it succeeds.
 */
function AddCreditsDialogRoot({
  open,
  defaultOpen,
  onOpenChange,
  onPurchaseComplete,
  children,
  className,
}: AddCreditsDialogProps) {
  const { client, account } = useCreditsContext('<AddCreditsDialog>');
  const queryClient = useQueryClient();
  const [uncontrolled, setUncontrolled] = useState(defaultOpen ?? false);
  const isOpen = open ?? uncontrolled;
  // Nothing is fetched or loaded until the dialog opens for the first time
  // (the trigger prepares on intent); after that it stays mounted.
  const [activated, setActivated] = useState(isOpen);
  if (isOpen && !activated) setActivated(true);
  const triggerRef = useRef<HTMLButtonElement>(null);
  // Opened from the host's own state: focus returns to what had it before.
  const openedFrom = useRef<HTMLElement | null>(null);
  const context = useMemo(() => {
    const setOpen = (next: boolean) => {
      if (next && typeof document !== 'undefined') {
        openedFrom.current = document.activeElement as HTMLElement | null;
      }
      if (open === undefined) setUncontrolled(next);
      onOpenChange?.(next);
    };
    const prepare = () => {
      void AddCreditsDialogContent.preload().catch(() => {});
      void queryClient.prefetchQuery(packagesQueryOptions(client, account));
      void queryClient.prefetchQuery(configQueryOptions(client, account));
    };
    return { open: isOpen, setOpen, prepare, triggerRef };
  }, [isOpen, open, onOpenChange, queryClient, client, account]);
  const returnFocus = () =>
    triggerRef.current?.isConnected ? triggerRef.current : openedFrom.current;
  return (
    <AddCreditsDialogContext.Provider value={context}>
      {children}
      {activated && (
        <WidgetErrorBoundary slot="add-credits-dialog">
          <Suspense fallback={null}>
            <AddCreditsDialogContent
              open={isOpen}
              onOpenChange={context.setOpen}
              onPurchaseComplete={onPurchaseComplete}
              className={className}
              returnFocus={returnFocus}
            />
          </Suspense>
        </WidgetErrorBoundary>
      )}
    </AddCreditsDialogContext.Provider>
  );
}

export const AddCreditsDialog = /* @__PURE__ */ Object.assign(AddCreditsDialogRoot, {
  Trigger: AddCreditsTrigger,
});
