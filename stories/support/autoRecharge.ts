import { type CreditsScenarioName, createCreditsHandlers } from 'credits-msw';
import { expect, waitFor } from 'storybook/test';

/** A credits-msw auto-recharge scenario as story parameters; `off`: offered, not turned on. */
export const autoRechargeScenario = (name: CreditsScenarioName | 'off') => ({
  msw: {
    handlers: createCreditsHandlers(
      name === 'off' ? { scenario: { backend: { autoRecharge: {} } } } : { scenario: name },
    ),
  },
});

/** The status line once it says `state` (the scenario's recharges are replayed as it loads). */
export async function autoRechargeStatus(canvasElement: HTMLElement, state: string) {
  const line = await waitFor(
    () => {
      const found = canvasElement.querySelector('[data-slot="auto-recharge-status"]');
      expect(found).toHaveAttribute('data-state', state);
      return found as HTMLElement;
    },
    { timeout: 10_000 },
  );
  await expect(line).toHaveAttribute('role', 'status');
  return line;
}
