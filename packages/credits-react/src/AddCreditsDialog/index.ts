export { AddCreditsDialog, type AddCreditsDialogProps } from './AddCreditsDialog';
