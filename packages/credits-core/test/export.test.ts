import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { csvCell, exportTransactions, transactionsToCsv } from '../src/export/index';
import {
  type CreditsError,
  createCreditsClient,
  type Transaction,
  zonedDayStart,
} from '../src/index';
import { BASE_URL, transactions } from './fixtures';
import { listenWithMsw, server } from './server';

listenWithMsw();

describe('CSV', () => {
  it('neutralises cells a spreadsheet would run as formulas (OWASP)', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvCell('+1+1')).toBe(`"'+1+1"`);
    expect(csvCell('-2+3')).toBe(`"'-2+3"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('\tcmd')).toBe(`"'\tcmd"`);
    expect(csvCell('\rcmd')).toBe(`"'\rcmd"`);
  });

  it('keeps amounts numeric, negative ones included', () => {
    expect(csvCell(-1_250)).toBe('-1250');
    expect(csvCell(10_000)).toBe('10000');
  });

  it('quotes commas, quotes and line breaks', () => {
    expect(csvCell('Café, "Sol"')).toBe('"Café, ""Sol"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(null)).toBe('');
  });

  it('writes a header and one CRLF line per transaction', () => {
    const hostile: Transaction = {
      ...transactions[0]!,
      description: '=cmd|"/c calc"!A1',
      amount: -5,
    };
    const csv = transactionsToCsv([hostile, transactions[1]!]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('date,type,description,amount,balance_after,website,website_url,id');
    expect(lines[1]).toBe(
      `2026-11-24T09:30:00Z,usage,"'=cmd|""/c calc""!A1",-5,47500,Bakery,https://bakery.example,txn_3`,
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });
});

describe('exportTransactions', () => {
  it('fetches every page of the current filter, reporting progress', async () => {
    const cursors: (string | null)[] = [];
    server.use(
      http.get(`${BASE_URL}/transactions`, ({ request }) => {
        const url = new URL(request.url);
        expect(url.searchParams.get('type')).toBe('usage');
        const cursor = url.searchParams.get('cursor');
        cursors.push(cursor);
        return HttpResponse.json(
          cursor
            ? { data: transactions.slice(2), nextCursor: null }
            : { data: transactions.slice(0, 2), nextCursor: 'c2' },
        );
      }),
    );
    const progress: number[] = [];
    const csv = await exportTransactions({
      client: createCreditsClient({ baseUrl: BASE_URL }),
      filters: { type: 'usage' },
      onProgress: (rows) => progress.push(rows),
    });
    expect(cursors).toEqual([null, 'c2']);
    expect(progress).toEqual([2, 3]);
    expect(csv.split('\r\n')).toHaveLength(5);
  });

  it('stops when cancelled', async () => {
    server.use(
      http.get(`${BASE_URL}/transactions`, () =>
        HttpResponse.json({ data: transactions, nextCursor: 'more' }),
      ),
    );
    const controller = new AbortController();
    const error = (await exportTransactions({
      client: createCreditsClient({ baseUrl: BASE_URL }),
      signal: controller.signal,
      onProgress: (rows) => {
        if (rows >= 9) controller.abort();
      },
    }).catch((e) => e)) as CreditsError;
    expect(error.code).toBe('aborted');
  });
});

describe('zonedDayStart', () => {
  it('is the start of the user’s calendar day, in UTC', () => {
    expect(zonedDayStart('2026-11-24', 'UTC')).toBe('2026-11-24T00:00:00.000Z');
    expect(zonedDayStart('2026-11-24', 'Europe/Berlin')).toBe('2026-11-23T23:00:00.000Z');
    expect(zonedDayStart('2026-07-01', 'Europe/Berlin')).toBe('2026-06-30T22:00:00.000Z');
    expect(zonedDayStart('2026-11-24', 'Asia/Tokyo')).toBe('2026-11-23T15:00:00.000Z');
    expect(zonedDayStart('2026-11-24', 'America/New_York')).toBe('2026-11-24T05:00:00.000Z');
  });

  it('handles the day a clock changes', () => {
    expect(zonedDayStart('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(zonedDayStart('2026-03-30', 'Europe/Berlin')).toBe('2026-03-29T22:00:00.000Z');
  });

  it('refuses what is not a date', () => {
    expect(zonedDayStart('24.11.2026')).toBeUndefined();
    expect(zonedDayStart('')).toBeUndefined();
  });
});
