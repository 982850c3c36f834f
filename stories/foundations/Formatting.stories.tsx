import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { FormattingTable } from './FormattingTable';

/**
 * How the kit writes numbers, money and dates. Every figure comes from
 * `credits-core`'s Intl formatters: money arrives as integer minor units and
 * is never divided as a float; dates take an explicit time zone.
 */
const meta = {
  title: 'Foundations/Formatting',
  component: FormattingTable,
  args: { locale: 'en-US', timeZone: 'UTC' },
  argTypes: {
    locale: { control: 'select', options: ['en-US', 'de-DE', 'ja-JP', 'ar-EG'] },
    timeZone: {
      control: 'select',
      options: ['UTC', 'Europe/Berlin', 'Asia/Tokyo', 'America/New_York'],
    },
  },
} satisfies Meta<typeof FormattingTable>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The rendered text next to a row header, found by its accessible name. */
const value = (canvasElement: HTMLElement, label: string) =>
  within(canvasElement).getByRole('rowheader', { name: label }).nextElementSibling?.textContent;

export const EnglishUS: Story = {
  play: async ({ canvasElement }) => {
    await expect(value(canvasElement, 'Credits')).toBe('250,000');
    await expect(value(canvasElement, '10,000 credits in USD')).toBe('$10.00');
    await expect(value(canvasElement, '250,000 credits in USD')).toBe('$180.00');
    await expect(value(canvasElement, '10,000 credits in JPY')).toBe('¥1,500');
    await expect(value(canvasElement, '10,000 credits in KWD')?.replace(/\s/g, ' ')).toBe(
      'KWD 12.500',
    );
    await expect(value(canvasElement, 'Used')).toBe('20.8%');
  },
};

export const German: Story = {
  args: { locale: 'de-DE', timeZone: 'Europe/Berlin' },
  play: async ({ canvasElement }) => {
    await expect(value(canvasElement, 'Credits')).toBe('250.000');
    await expect(value(canvasElement, 'Date')).toBe('25.11.2026');
  },
};

export const Japanese: Story = {
  args: { locale: 'ja-JP', timeZone: 'Asia/Tokyo' },
  play: async ({ canvasElement }) => {
    await expect(value(canvasElement, 'Credits (compact)')).toBe('25万');
    await expect(value(canvasElement, '10,000 credits in JPY')).toBe('￥1,500');
  },
};

export const ArabicRightToLeft: Story = {
  args: { locale: 'ar-EG', timeZone: 'UTC' },
  play: async ({ canvasElement }) => {
    const table = within(canvasElement).getByRole('table');
    await expect(table).toHaveAttribute('dir', 'rtl');
    await expect(value(canvasElement, 'Credits')).toBe('٢٥٠٬٠٠٠');
  },
};
