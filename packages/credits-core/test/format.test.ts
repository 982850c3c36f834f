import { describe, expect, it } from 'vitest';
import {
  currencyDigits,
  formatCredits,
  formatDate,
  formatMoney,
  formatPercent,
  minorUnitsToDecimal,
  percentUsed,
  textDirection,
} from '../src/index';

/** Intl output uses narrow/non-breaking spaces; compare with plain spaces. */
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('formatMoney: integer minor units, ISO 4217 digits', () => {
  it('knows each currency’s minor digits', () => {
    expect(currencyDigits('USD')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(currencyDigits('KWD')).toBe(3);
  });

  it('converts minor units to an exact decimal without floats', () => {
    expect(minorUnitsToDecimal(1_999, 2)).toBe('19.99');
    expect(minorUnitsToDecimal(5, 3)).toBe('0.005');
    expect(minorUnitsToDecimal(1_500, 0)).toBe('1500');
    expect(minorUnitsToDecimal(-7, 2)).toBe('-0.07');
    expect(minorUnitsToDecimal(9_007_199_254_740_991, 2)).toBe('90071992547409.91');
  });

  it('formats the package prices', () => {
    expect(formatMoney({ amount: 1_000, currency: 'USD' }, { locale: 'en-US' })).toBe('$10.00');
    expect(formatMoney({ amount: 18_000, currency: 'USD' }, { locale: 'en-US' })).toBe('$180.00');
    expect(plain(formatMoney({ amount: 18_000, currency: 'USD' }, { locale: 'de-DE' }))).toBe(
      '180,00 $',
    );
  });

  it('formats JPY with no minor digits', () => {
    expect(formatMoney({ amount: 1_500, currency: 'JPY' }, { locale: 'ja-JP' })).toBe('￥1,500');
    expect(formatMoney({ amount: 1_500, currency: 'JPY' }, { locale: 'en-US' })).toBe('¥1,500');
  });

  it('formats KWD with three minor digits', () => {
    expect(plain(formatMoney({ amount: 12_500, currency: 'KWD' }, { locale: 'en-US' }))).toBe(
      'KWD 12.500',
    );
    expect(plain(formatMoney({ amount: 5, currency: 'KWD' }, { locale: 'en-US' }))).toBe(
      'KWD 0.005',
    );
  });

  it('formats with Arabic digits in an Arabic locale', () => {
    expect(formatMoney({ amount: 1_000, currency: 'USD' }, { locale: 'ar-EG' })).toMatch(/١٠٫٠٠/);
  });
});

describe('formatCredits', () => {
  it('groups digits per locale', () => {
    expect(formatCredits(250_000, { locale: 'en-US' })).toBe('250,000');
    expect(formatCredits(250_000, { locale: 'de-DE' })).toBe('250.000');
    expect(formatCredits(250_000, { locale: 'ja-JP' })).toBe('250,000');
  });

  it('writes compact amounts', () => {
    expect(formatCredits(250_000, { locale: 'en-US', notation: 'compact' })).toBe('250K');
    expect(formatCredits(12_500, { locale: 'en-US', notation: 'compact' })).toBe('12.5K');
    expect(formatCredits(250_000, { locale: 'ja-JP', notation: 'compact' })).toBe('25万');
  });

  it('signs ledger amounts', () => {
    expect(formatCredits(10_000, { locale: 'en-US', signDisplay: 'exceptZero' })).toBe('+10,000');
    expect(formatCredits(-1_250, { locale: 'en-US', signDisplay: 'exceptZero' })).toBe('-1,250');
    expect(formatCredits(0, { locale: 'en-US', signDisplay: 'exceptZero' })).toBe('0');
  });
});

describe('formatDate', () => {
  const iso = '2026-11-24T23:30:00Z';

  it('uses the given time zone, so server and browser agree', () => {
    expect(formatDate(iso, { locale: 'en-US', timeZone: 'UTC' })).toBe('Nov 24, 2026');
    expect(formatDate(iso, { locale: 'en-US', timeZone: 'Asia/Tokyo' })).toBe('Nov 25, 2026');
    expect(formatDate(iso, { locale: 'de-DE', timeZone: 'Europe/Berlin' })).toBe('25.11.2026');
  });

  it('formats time when asked', () => {
    expect(
      formatDate(iso, { locale: 'en-GB', timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' }),
    ).toBe('24/11/2026, 23:30');
  });

  it('returns the input unchanged when it is not a date', () => {
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('percentUsed and formatPercent', () => {
  it('is used / total', () => {
    expect(percentUsed({ total: 60_000, used: 12_500 })).toBeCloseTo(0.2083, 4);
    expect(formatPercent(percentUsed({ total: 60_000, used: 12_500 }), { locale: 'en-US' })).toBe(
      '20.8%',
    );
  });

  it('never reads 100% before everything is used', () => {
    expect(formatPercent(percentUsed({ total: 10_000, used: 9_999 }), { locale: 'en-US' })).toBe(
      '99.9%',
    );
    expect(formatPercent(percentUsed({ total: 10_000, used: 10_000 }), { locale: 'en-US' })).toBe(
      '100%',
    );
  });

  it('handles an empty account and an overdraft', () => {
    expect(percentUsed({ total: 0, used: 0 })).toBe(0);
    // An overdraft reads its true share: 12,000 of 10,000 is 120%, not 100%.
    expect(percentUsed({ total: 10_000, used: 12_000 })).toBe(1.2);
    expect(formatPercent(percentUsed({ total: 10_000, used: 12_000 }), { locale: 'en-US' })).toBe(
      '120%',
    );
    expect(plain(formatPercent(1.2, { locale: 'ar-EG' }))).toBe('١٢٠٪\u061c');
    expect(plain(formatPercent(0.25, { locale: 'de-DE' }))).toBe('25 %');
  });
});

describe('textDirection', () => {
  it('is rtl for Arabic, Hebrew and Persian, ltr otherwise', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-EG')).toBe('rtl');
    expect(textDirection('he-IL')).toBe('rtl');
    expect(textDirection('fa')).toBe('rtl');
    expect(textDirection('en-US')).toBe('ltr');
    expect(textDirection('ja-JP')).toBe('ltr');
    expect(textDirection(undefined)).toBe('ltr');
    expect(textDirection('not a locale!')).toBe('ltr');
  });
});
