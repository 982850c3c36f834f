import {
  formatCredits,
  formatDate,
  formatMoney,
  formatPercent,
  percentUsed,
  textDirection,
} from 'credits-core';
import { STORY_FONT } from '../support/storyFont';

export interface FormattingTableProps {
  /** BCP 47 locale. */
  locale: string;
  /** IANA time zone for dates. */
  timeZone: string;
}

const SAMPLE_BALANCE = { total: 60_000, used: 12_500 };
const SAMPLE_PRICES = [
  { label: '10,000 credits', amount: 1_000, currency: 'USD' },
  { label: '250,000 credits', amount: 18_000, currency: 'USD' },
  { label: '10,000 credits', amount: 1_500, currency: 'JPY' },
  { label: '10,000 credits', amount: 12_500, currency: 'KWD' },
];
const SAMPLE_DATE = '2026-11-24T23:30:00Z';

/** How credits-core's Intl formatters render the kit's numbers, money and dates in one locale. */
export function FormattingTable({ locale, timeZone }: FormattingTableProps) {
  const direction = textDirection(locale);
  const rows: [string, string][] = [
    ['Credits', formatCredits(250_000, { locale })],
    ['Credits (compact)', formatCredits(250_000, { locale, notation: 'compact' })],
    ['Credits added', formatCredits(10_000, { locale, signDisplay: 'exceptZero' })],
    ['Credits spent', formatCredits(-1_250, { locale, signDisplay: 'exceptZero' })],
    ['Used', formatPercent(percentUsed(SAMPLE_BALANCE), { locale })],
    ...SAMPLE_PRICES.map((price): [string, string] => [
      `${price.label} in ${price.currency}`,
      formatMoney(price, { locale }),
    ]),
    ['Date', formatDate(SAMPLE_DATE, { locale, timeZone })],
    ['Date and time', formatDate(SAMPLE_DATE, { locale, timeZone, timeStyle: 'short' })],
  ];
  return (
    <table
      lang={locale}
      dir={direction}
      style={{ borderCollapse: 'collapse', font: `14px ${STORY_FONT}` }}
    >
      <caption style={{ textAlign: 'start', fontWeight: 600, paddingBlockEnd: 8 }}>
        Formatting in {locale} ({timeZone})
      </caption>
      <thead>
        <tr>
          <th scope="col" style={{ textAlign: 'start', paddingInlineEnd: 24 }}>
            Value
          </th>
          <th scope="col" style={{ textAlign: 'start' }}>
            Rendered
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, value]) => (
          <tr key={label}>
            <th scope="row" style={{ textAlign: 'start', fontWeight: 400, paddingInlineEnd: 24 }}>
              {label}
            </th>
            <td data-slot="formatted-value" data-label={label}>
              {value}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
