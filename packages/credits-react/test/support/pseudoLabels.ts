import {
  type AutoRechargeLabels,
  autoRechargeLabels,
} from '../../src/AutoRechargeSettings/autoRechargeLabels';
import { type CreditsLabels, defaultLabels, type HostLabels } from '../../src/index';

/**
 * A pseudo-locale: every label, accented and bracketed ("⟦Çûŕŕéñţ ƀáłáñçé⟧"), its interpolated
 * values (numbers, money, dates, card names) left as they are. Text on screen outside
 * brackets did not come from the labels.
 */
const ACCENTS: Record<string, string> = {
  a: 'á',
  e: 'é',
  i: 'î',
  o: 'ö',
  u: 'û',
  c: 'ç',
  n: 'ñ',
  s: 'š',
  y: 'ý',
  z: 'ž',
  r: 'ŕ',
  l: 'ł',
  A: 'Á',
  E: 'É',
  I: 'Î',
  O: 'Ö',
  U: 'Û',
  C: 'Ç',
  N: 'Ñ',
  S: 'Š',
  Y: 'Ý',
  Z: 'Ž',
  R: 'Ŕ',
  L: 'Ł',
};

const accent = (text: string) => text.replace(/[a-zA-Z]/g, (letter) => ACCENTS[letter] ?? letter);
export const pseudo = (text: string) => `⟦${accent(text)}⟧`;

const MARK = /\uE000(\d+)\uE001/g;

/** A label function whose own words are pseudo-localised and whose arguments pass through. */
function pseudoFunction(label: (...args: never[]) => string) {
  return (...args: unknown[]) => {
    const values: string[] = [];
    const mark = (value: string) => {
      values.push(value);
      return `\uE000${values.length - 1}\uE001`;
    };
    const marked = args.map((arg) =>
      typeof arg === 'string'
        ? mark(arg)
        : arg && typeof arg === 'object' && 'formatted' in arg
          ? { ...arg, formatted: mark(String(arg.formatted)) }
          : arg,
    );
    const text = (label as (...all: unknown[]) => string)(...marked);
    // The marks' digits are not accented: each value goes back in unchanged.
    return pseudo(text).replace(MARK, (_, index: string) => values[Number(index)] ?? '');
  };
}

function pseudoOf(value: unknown): unknown {
  if (typeof value === 'string') return pseudo(value);
  if (typeof value === 'function') return pseudoFunction(value as (...args: never[]) => string);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, pseudoOf(inner)]));
  return value;
}

/** Decline codes the fakes answer with; English shows the backend's message for them. */
const DECLINES = ['card_declined', 'insufficient_funds', 'expired_card', 'authentication_failed'];

export const pseudoLabels = {
  ...(pseudoOf(defaultLabels) as CreditsLabels),
  declines: Object.fromEntries(DECLINES.map((code) => [code, pseudo(`Declined: ${code}`)])),
  autoRecharge: pseudoOf(autoRechargeLabels) as AutoRechargeLabels,
} satisfies HostLabels;
