import { useQueryClient } from '@tanstack/react-query';
import type { Purchase } from 'credits-core';
import { configQueryOptions, packagesQueryOptions } from 'credits-core/query';
import {
  type ComponentPropsWithoutRef,
  type ReactNode,
  Suspense,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useLabels } from '../hooks/useLabels.js';
import { cn } from '../lib/cn.js';
import { lazyWithPreload } from '../lib/lazyWithPreload.js';
import { useControllableState } from '../lib/useControllableState.js';
import { useIsomorphicLayoutEffect } from '../lib/useIsomorphicLayoutEffect.js';
import { useRootAttributes } from '../lib/useRootAttributes.js';
import { WidgetErrorBoundary } from '../lib/WidgetErrorBoundary.js';
import { pendingPurchaseStorage } from '../payment/pendingPurchaseStorage.js';
import { AddCreditsDialogContext, useAddCreditsDialogContext } from './AddCreditsDialogContext.js';

// The dialog (Radix Dialog, the purchase form, the card forms) is in the lazily loaded
// dialogs chunk (../dialogs/index.ts), fetched on intent (hover or focus on the trigger).
const AddCreditsDialogContent = /* @__PURE__ */ lazyWithPreload(() =>
  import('../dialogs/index.js').then((dialogs) => ({ default: dialogs.AddCreditsDialogContent })),
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

/**
 * Props that make any button open the dialog: ARIA state, prefetch on intent
 * (hover, focus) and focus return. Spread them on your own button component
 * when `<AddCreditsDialog.Trigger>` does not fit your design system.
 */
export function useAddCreditsTrigger() {
  const { open, setOpen, prepare, triggerRef } = useAddCreditsDialogContext();
  return {
    ref: triggerRef,
    type: 'button' as const,
    'aria-haspopup': 'dialog' as const,
    'aria-expanded': open,
    'data-state': open ? 'open' : 'closed',
    onClick: () => setOpen(true),
    onPointerEnter: prepare,
    onFocus: prepare,
  };
}

/** The default "Add credits" button; it carries the widget tokens wherever it is placed. */
function AddCreditsTrigger({
  children,
  className,
  onClick,
  onPointerEnter,
  onFocus,
  ...props
}: ComponentPropsWithoutRef<'button'>) {
  const root = useRootAttributes('<AddCreditsDialog.Trigger>');
  const labels = useLabels();
  const trigger = useAddCreditsTrigger();
  return (
    <button
      {...trigger}
      {...root}
      data-slot="add-credits-trigger"
      className={cn('credits-button credits-button--primary', className)}
      onClick={(event) => {
        onClick?.(event);
        if (!event.defaultPrevented) trigger.onClick();
      }}
      onPointerEnter={(event) => {
        trigger.onPointerEnter();
        onPointerEnter?.(event);
      }}
      onFocus={(event) => {
        trigger.onFocus();
        onFocus?.(event);
      }}
      {...props}
    >
      {children ?? labels.addCredits}
    </button>
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
  const [isOpen, setOpen] = useControllableState({
    prop: open,
    defaultProp: defaultOpen ?? false,
    onChange: onOpenChange,
  });
  // Nothing is fetched or loaded until the dialog opens for the first time
  // (the trigger prepares on intent); after that it stays mounted.
  const [activated, setActivated] = useState(isOpen);
  if (isOpen && !activated) setActivated(true);
  const triggerRef = useRef<HTMLButtonElement>(null);
  // A payment was under way when the page was reloaded: show it again, so the
  // user sees it finish instead of being offered to pay a second time.
  const firstAccount = useRef(account);
  useEffect(() => {
    if (!pendingPurchaseStorage(account).has()) {
      // Another account signed in: close what the previous account had open (a host that
      // controls `open` is told to). The content is keyed by account, so none of it shows.
      if (account !== firstAccount.current) setOpen(false);
      return;
    }
    setActivated(true);
    setOpen(true);
  }, [account, setOpen]);
  // Opened from the host's own state: focus returns to what had it before.
  const openedFrom = useRef<HTMLElement | null>(null);
  // Whoever opens it (our trigger or the host's own state), remember what had
  // focus before the dialog takes it. Layout effects run before the dialog's own.
  useIsomorphicLayoutEffect(() => {
    if (isOpen) openedFrom.current = document.activeElement as HTMLElement | null;
  }, [isOpen]);
  const context = useMemo(() => {
    const prepare = () => {
      void AddCreditsDialogContent.preload().catch(() => {});
      void queryClient.prefetchQuery(packagesQueryOptions(client, account));
      void queryClient.prefetchQuery(configQueryOptions(client, account));
    };
    return { open: isOpen, setOpen, prepare, triggerRef };
  }, [isOpen, setOpen, queryClient, client, account]);
  const returnFocus = () =>
    triggerRef.current?.isConnected ? triggerRef.current : openedFrom.current;
  return (
    <AddCreditsDialogContext.Provider value={context}>
      {children}
      {activated && (
        <WidgetErrorBoundary slot="add-credits-dialog">
          <Suspense fallback={null}>
            <AddCreditsDialogContent
              // A fresh form and purchase flow per account: nothing of one account's payment shows to another.
              key={account}
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
