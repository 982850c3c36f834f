/**
 * The shipped translations: which catalogue a locale gets, that each is complete and
 * pluralises, that it is loaded before the widgets show (never English first), and that a
 * host's labels still win over it.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  AddCreditsDialog,
  BalanceCards,
  type Count,
  type CreditsLabels,
  defaultLabels,
  loadCreditsLabels,
  UsageByWebsite,
} from '../src/index';
import { catalogueLocale } from '../src/labels/loadCreditsLabels';
import { listenWithMsw, renderWithCredits } from './renderWithCredits';

listenWithMsw();

const SHIPPED = ['de', 'fr', 'es', 'pt-BR', 'ja', 'ar'] as const;

function count(locale: string, value: number): Count {
  return {
    count: value,
    formatted: new Intl.NumberFormat(locale).format(value),
    plural: new Intl.PluralRules(locale).select(value),
  };
}

const NEUTRAL = /^\.(cardName|walletName|walletCard|linkName)$/;

/** Labels that take text (a card, a price, a date), not counts. */
const TEXT_ARGUMENTS =
  /cardName|expires$|\.pay$|percentUsed|deleteTitle|cardActions|walletName|walletCard|linkName/;

/** Every string of a catalogue with its key path, functions called with sample arguments. */
function strings(labels: CreditsLabels, locale: string): [string, string][] {
  const out: [string, string][] = [];
  const counts = [count(locale, 2), count(locale, 3)];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.push([path, value]);
    else if (typeof value === 'function')
      out.push([path, String(value(...(TEXT_ARGUMENTS.test(path) ? ['visa', '4242'] : counts)))]);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  walk(labels, '');
  return out;
}

describe('which translation a locale gets', () => {
  it.each([
    ['de-DE', 'de'],
    ['de-AT', 'de'],
    ['de', 'de'],
    ['fr-CA', 'fr'],
    ['es-419', 'es'],
    ['pt-BR', 'pt-BR'],
    // Portuguese elsewhere: Brazilian Portuguese reads better than English.
    ['pt-PT', 'pt-BR'],
    ['pt', 'pt-BR'],
    ['ja-JP', 'ja'],
    ['ar-EG', 'ar'],
    ['ar', 'ar'],
    ['en-US', undefined],
    ['ko-KR', undefined],
    ['not a locale', undefined],
    [undefined, undefined],
  ])('%s → %s', (locale, expected) => {
    expect(catalogueLocale(locale)).toBe(expected);
  });
});

describe.each(SHIPPED)('the %s catalogue', (locale) => {
  it('translates every label the English defaults have, and every error code', async () => {
    const labels = (await loadCreditsLabels(locale)) as CreditsLabels;
    expect(labels).toBeDefined();
    // Names (a card's brand and last four, a wallet, Link) are the same in every language.
    const english = new Map(strings(defaultLabels, 'en').filter(([key]) => !NEUTRAL.test(key)));
    const translated = new Map(strings(labels, locale));
    for (const key of english.keys()) expect(translated.has(key), key).toBe(true);
    for (const [key, value] of translated) expect(value.trim(), key).not.toBe('');
    // Words really translated: only names (brands, "CSV", "Website") may stay as in English.
    const same = [...english].filter(([key, value]) => translated.get(key) === value);
    // barLabel only joins a date and its values ("date: values"): its punctuation may be English's.
    const names = /website|description|Type$|exportCsv|\.date$|separator|^\.barLabel$/i;
    expect(same.map(([key]) => key).filter((key) => !names.test(key))).toEqual([]);
    // Card-decline reasons are translated too (English shows the backend's own message).
    expect(Object.keys(labels.declines)).toEqual(
      expect.arrayContaining(['card_declined', 'insufficient_funds', 'authentication_failed']),
    );
  });
});

describe('plurals', () => {
  const credits = async (locale: string, value: number) =>
    ((await loadCreditsLabels(locale)) as CreditsLabels).credits(count(locale, value));

  it('Arabic has a form for 0, 1, 2, 3–10, 11–99 and 100+', async () => {
    expect(await credits('ar-EG', 1)).toBe('١ رصيد');
    expect(await credits('ar-EG', 2)).toBe('٢ رصيدان');
    expect(await credits('ar-EG', 3)).toBe('٣ أرصدة');
    expect(await credits('ar-EG', 11)).toBe('١١ رصيدًا');
    expect(await credits('ar-EG', 100)).toBe('١٠٠ رصيد');
  });

  it('German, French and Portuguese singular and plural, with “de” for a million', async () => {
    expect(await credits('de-DE', 1)).toBe('1 Credit');
    expect(await credits('de-DE', 3)).toBe('3 Credits');
    expect(await credits('fr-FR', 0)).toBe('0 crédit');
    expect(await credits('fr-FR', 1_000_000)).toBe('1\u202f000\u202f000 de crédits');
    expect(await credits('pt-BR', 1)).toBe('1 crédito');
    expect(await credits('pt-BR', 2)).toBe('2 créditos');
  });
});

/** Every text that was ever put into the page while `run` went on. */
async function textsSeen(run: () => Promise<void>) {
  const seen: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) seen.push(node.textContent ?? '');
      if (record.type === 'characterData') seen.push(record.target.textContent ?? '');
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  await run();
  observer.disconnect();
  return seen.join('\n');
}

const ENGLISH = /credit balance|Current balance|Used credits|Loading|credits\b/;

describe('in the page', () => {
  it('shows German from the first paint: nothing English, not even a loading text', async () => {
    const seen = await textsSeen(async () => {
      renderWithCredits(<BalanceCards />, { provider: { locale: 'de-AT' } });
      expect(await screen.findByText('Aktuelles Guthaben')).toBeInTheDocument();
      // de-AT groups thousands with a space.
      expect(await screen.findByText(/^47\s500 Credits$/)).toBeInTheDocument();
    });
    expect(seen).toContain('Aktuelles Guthaben');
    expect(seen).not.toMatch(ENGLISH);
  });

  it('keeps the current language on screen while the next one loads, never English between', async () => {
    const { rerenderWith, container } = renderWithCredits(<BalanceCards />, {
      provider: { locale: 'de-DE' },
    });
    await screen.findByText('47.500 Credits');
    const root = container.querySelector('[data-slot="balance-cards"]');
    const seen = await textsSeen(async () => {
      rerenderWith({ locale: 'es-ES' });
      expect(await screen.findByText('47.500 créditos')).toBeInTheDocument();
    });
    expect(seen).not.toMatch(ENGLISH);
    // The widget stayed mounted (no flash of an empty page, no lost state).
    expect(container.querySelector('[data-slot="balance-cards"]')).toBe(root);
    expect(screen.getByText('Saldo actual')).toBeInTheDocument();
  });

  it('lets the host override any string on top of the translation', async () => {
    renderWithCredits(<BalanceCards />, {
      provider: {
        locale: 'fr-FR',
        labels: {
          currentBalance: 'Vos crédits',
          credits: ({ formatted }) => `${formatted} jetons`,
        },
      },
    });
    expect(await screen.findByText('Vos crédits')).toBeInTheDocument();
    expect(screen.getByText(/^47\s500 jetons$/)).toBeInTheDocument();
    // Everything the host did not override stays French.
    expect(screen.getByText('Crédits utilisés')).toBeInTheDocument();
  });

  it('stays English, with no loading, for English and for a language not shipped', async () => {
    const { rerenderWith } = renderWithCredits(<BalanceCards />, { provider: { locale: 'ko-KR' } });
    // Rendered synchronously: the widget is there before anything resolves.
    expect(document.querySelector('[data-slot="balance-cards"]')).not.toBeNull();
    expect(await screen.findByText('47,500 credits')).toBeInTheDocument();
    rerenderWith({ locale: 'en-GB' });
    await waitFor(() => expect(screen.getByText('Current balance')).toBeInTheDocument());
  });

  it('gives the widgets the language of the words shown, English where no catalogue is shipped', async () => {
    const { rerenderWith, container } = renderWithCredits(<BalanceCards />, {
      provider: { locale: 'ko-KR' },
    });
    await screen.findByText('47,500 credits');
    const root = () => container.querySelector('[data-slot="balance-cards"]');
    // English words under a Korean locale: a screen reader must read them as English.
    expect(root()).toHaveAttribute('lang', 'en');
    rerenderWith({ locale: 'de-AT' });
    await screen.findByText('Aktuelles Guthaben');
    expect(root()).toHaveAttribute('lang', 'de-AT');
    rerenderWith({ locale: 'en-GB' });
    await screen.findByText('Current balance');
    expect(root()).toHaveAttribute('lang', 'en-GB');
  });

  it('separates facts on one line with the Arabic comma in Arabic, never a dot that reads as zero', async () => {
    renderWithCredits(<UsageByWebsite />, { provider: { locale: 'ar-EG' } });
    const heading = await screen.findByRole('heading', { name: /^الاستخدام/ });
    expect(heading.textContent).toContain('، ');
    await waitFor(() =>
      expect(document.querySelector('[data-slot="usage-by-website"]')).toHaveAttribute(
        'data-status',
        'success',
      ),
    );
    expect(document.querySelector('[data-slot="usage-by-website"]')?.textContent).not.toContain(
      '·',
    );
  });

  it("translates the backend's known package badges and shows others as sent", async () => {
    const { unmount } = renderWithCredits(<AddCreditsDialog defaultOpen />, {
      provider: { locale: 'de-DE' },
    });
    expect(await screen.findByText('Beliebt')).toBeInTheDocument();
    expect(screen.getByText('Bestes Angebot')).toBeInTheDocument();
    expect(screen.queryByText('Popular')).toBeNull();
    unmount();
    // A badge the catalogue does not know is shown as the backend wrote it.
    renderWithCredits(<AddCreditsDialog defaultOpen />, {
      provider: { locale: 'de-DE', labels: { packageBadges: {} } },
    });
    expect(await screen.findByText('Popular')).toBeInTheDocument();
  });
});
