import { createContext, type RefObject, useContext } from 'react';

export interface AddCreditsDialogContextValue {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** Starts loading the dialog (its code, the packages and the config) before the click. */
  prepare: () => void;
  /** The trigger, where focus returns when the dialog closes. */
  triggerRef: RefObject<HTMLButtonElement | null>;
}

export const AddCreditsDialogContext = createContext<AddCreditsDialogContextValue | null>(null);

export function useAddCreditsDialogContext(): AddCreditsDialogContextValue {
  const value = useContext(AddCreditsDialogContext);
  if (!value) throw new Error('<AddCreditsDialog.Trigger> must be used inside <AddCreditsDialog>.');
  return value;
}
