export {
  SANDBOX_CARD_NUMBERS,
  type SandboxToken,
  sandboxTokenForNumber,
} from './sandboxCardNumbers.js';
export {
  SANDBOX_CARDS,
  SANDBOX_FAILURE_MESSAGES,
  type SandboxCard,
  type SandboxOutcome,
  sandboxCardForNumber,
  sandboxCardForToken,
} from './sandboxCards.js';
export { SANDBOX_PACKAGES } from './sandboxPackages.js';
