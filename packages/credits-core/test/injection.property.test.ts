import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../src/export/index';
import { safeHttpUrl } from '../src/index';

const runs = { numRuns: 2_000 };

/** A scheme, in random case, with whitespace, control characters or entities slipped in. */
const obfuscated = (scheme: string) =>
  fc
    .tuple(
      fc.array(fc.boolean(), { minLength: scheme.length, maxLength: scheme.length }),
      fc.array(fc.constantFrom('', '', '', ' ', '\t', '\n', '\r', '\u0000', '\u001f', '&#0;'), {
        minLength: scheme.length + 1,
        maxLength: scheme.length + 1,
      }),
      fc.constantFrom('', ' ', '\t', '&#106;', '&#x6A;', '%20'),
      fc.string(),
    )
    .map(([upper, noise, prefix, rest]) => {
      const letters = [...scheme].map((char, index) => (upper[index] ? char.toUpperCase() : char));
      return `${prefix}${letters.map((char, index) => `${noise[index]}${char}`).join('')}${noise[scheme.length]}:${rest}`;
    });

describe('safeHttpUrl (property)', () => {
  it('returns nothing, or an absolute http(s) URL that the browser parses the same way', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.webUrl(), fc.string({ unit: 'binary' })), (input) => {
        const href = safeHttpUrl(input);
        if (href === undefined) return;
        expect(href).toMatch(/^https?:\/\/[^/\s]/);
        expect(new URL(href).href).toBe(href);
      }),
      runs,
    );
  });

  it('never lets javascript:, data: or vbscript: through, however they are disguised', () => {
    fc.assert(
      fc.property(
        fc.oneof(obfuscated('javascript'), obfuscated('data'), obfuscated('vbscript')),
        (input) => {
          expect(safeHttpUrl(input)).toBeUndefined();
        },
      ),
      runs,
    );
  });

  it('never links a protocol-relative or relative URL', () => {
    fc.assert(
      fc.property(fc.constantFrom('//', '/', './', '\\\\', '/\\'), fc.webUrl(), (prefix, url) => {
        expect(safeHttpUrl(`${prefix}${url.replace(/^https?:\/\//, '')}`)).toBeUndefined();
      }),
      runs,
    );
  });

  it('keeps real http(s) links', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
        expect(safeHttpUrl(url)).toBe(new URL(url).href);
      }),
      runs,
    );
  });
});

describe('csvCell (property)', () => {
  /** What a spreadsheet sees in the cell after CSV unquoting. */
  const unquote = (cell: string) =>
    cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;

  it('never starts a cell with a formula trigger, and keeps the text', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.constantFrom('', '=', '+', '-', '@', '\t', '\r', ' =', '\n'), fc.string()),
        ([trigger, rest]) => {
          const text = `${trigger}${rest}`;
          const seen = unquote(csvCell(text));
          expect(seen).not.toMatch(/^[=+\-@\t\r]/);
          expect(seen.endsWith(text) || seen === `'${text}`).toBe(true);
        },
      ),
      runs,
    );
  });
});
