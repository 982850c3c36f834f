export {
  AddCreditsDialog,
  type AddCreditsDialogProps,
  useAddCreditsTrigger,
} from './AddCreditsDialog.js';
