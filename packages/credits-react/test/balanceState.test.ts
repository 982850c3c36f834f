import { describe, expect, it } from 'vitest';
import { balanceState } from '../src/BalanceCards/balanceState.js';

describe('balanceState', () => {
  it('is overdrawn below zero, whatever the threshold', () => {
    expect(balanceState({ total: 10_000, available: -2_000 }, 5_000)).toBe('overdrawn');
    expect(balanceState({ total: 0, available: -1 })).toBe('overdrawn');
  });

  it('is empty, not low, for an account never funded', () => {
    expect(balanceState({ total: 0, available: 0 }, 5_000)).toBe('empty');
  });

  it('is low under the threshold once funded, ok at or above it', () => {
    expect(balanceState({ total: 60_000, available: 1_200 }, 5_000)).toBe('low');
    expect(balanceState({ total: 60_000, available: 0 }, 5_000)).toBe('low');
    expect(balanceState({ total: 60_000, available: 5_000 }, 5_000)).toBe('ok');
    expect(balanceState({ total: 60_000, available: 0 })).toBe('ok');
    // The backend's threshold unless the host gives its own.
    expect(balanceState({ total: 60_000, available: 1_200, lowBalanceThreshold: 5_000 })).toBe(
      'low',
    );
    expect(
      balanceState({ total: 60_000, available: 1_200, lowBalanceThreshold: 5_000 }, 1_000),
    ).toBe('ok');
  });
});
