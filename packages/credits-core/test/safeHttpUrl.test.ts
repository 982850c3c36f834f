import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../src/index';

describe('safeHttpUrl', () => {
  it.each([
    ['https://bakery.example', 'https://bakery.example/'],
    ['http://bakery.example/a?b=c#d', 'http://bakery.example/a?b=c#d'],
    ['  https://bakery.example/x  ', 'https://bakery.example/x'],
    ['HTTPS://Bakery.Example', 'https://bakery.example/'],
  ])('links %s', (input, href) => {
    expect(safeHttpUrl(input)).toBe(href);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    '//evil.example/path',
    '/relative/path',
    'bakery.example',
    'https:/evil.example',
    'https://',
    'ftp://files.example',
    'mailto:a@example.com',
    'https://exa mple.com',
    '',
    null,
    undefined,
  ])('keeps %j as text', (input) => {
    expect(safeHttpUrl(input)).toBeUndefined();
  });
});
