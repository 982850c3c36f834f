/**
 * Auto-recharge's own translations (one chunk per language, loaded for the locale in use):
 * complete in every shipped language, pluralised, shown from the first paint, and still under
 * the host's `labels.autoRecharge`.
 */
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  type AutoRechargeLabels,
  autoRechargeLabels,
} from '../src/AutoRechargeSettings/autoRechargeLabels';
import { labels as ar } from '../src/AutoRechargeSettings/catalogues/ar';
import { labels as de } from '../src/AutoRechargeSettings/catalogues/de';
import { labels as es } from '../src/AutoRechargeSettings/catalogues/es';
import { labels as fr } from '../src/AutoRechargeSettings/catalogues/fr';
import { labels as ja } from '../src/AutoRechargeSettings/catalogues/ja';
import { labels as ptBR } from '../src/AutoRechargeSettings/catalogues/ptBR';
import { AutoRechargeSettings } from '../src/AutoRechargeSettings/index';
import type { Count } from '../src/index';
import { listenWithMsw, renderWithCredits } from './renderWithCredits';
import { stubResizeObserver } from './support/stubResizeObserver';

listenWithMsw();

stubResizeObserver();

const count = (locale: string, value: number): Count => ({
  count: value,
  formatted: new Intl.NumberFormat(locale).format(value),
  plural: new Intl.PluralRules(locale).select(value),
});

/** Every string with its key path; functions called with sample arguments. */
function strings(labels: AutoRechargeLabels, locale: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'function')
      out.set(
        path,
        String(value(...(path === '.capHint' ? [count(locale, 3)] : ['$1.00', '$2.00']))),
      );
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
  };
  walk(labels, '');
  return out;
}

const SHIPPED = { de, es, fr, 'pt-BR': ptBR, ja, ar } as const;

describe.each(Object.entries(SHIPPED))('the %s auto-recharge catalogue', (locale, labels) => {
  it('translates every string English has, issues and reasons included', () => {
    const english = strings(autoRechargeLabels, 'en');
    const translated = strings(labels, locale);
    expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, value] of translated) {
      expect(value.trim(), key).not.toBe('');
      expect(value, key).not.toBe(english.get(key));
    }
  });
});

describe('auto-recharge plurals', () => {
  it('Arabic has its own words for 1, 2, 3–10 and 11+ recharges, in Arabic digits', () => {
    const hint = (value: number) => ar.capHint(count('ar-EG', value));
    expect(hint(1)).toBe('حتى عملية شحن واحدة شهريًا');
    expect(hint(2)).toBe('حتى عمليتي شحن شهريًا');
    expect(hint(5)).toBe('حتى ٥ عمليات شحن شهريًا');
    expect(hint(12)).toBe('حتى ١٢ عملية شحن شهريًا');
  });

  it('singular and plural in English, German, Spanish, French and Portuguese', () => {
    expect(autoRechargeLabels.capHint(count('en', 1))).toBe('Up to 1 recharge a month');
    expect(de.capHint(count('de', 2))).toBe('Bis zu 2 Aufladungen im Monat');
    expect(es.capHint(count('es', 1))).toBe('Hasta 1 recarga al mes');
    expect(fr.capHint(count('fr', 0))).toBe('Jusqu’à 0 recharge par mois');
    expect(ptBR.capHint(count('pt-BR', 5))).toBe('Até 5 recargas por mês');
  });
});

describe('in the page', () => {
  it('shows Spanish from the first paint, never English first', async () => {
    const seen: string[] = [];
    const observer = new MutationObserver(() => seen.push(document.body.textContent ?? ''));
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    renderWithCredits(<AutoRechargeSettings />, {
      backend: { autoRecharge: {} },
      provider: { locale: 'es-ES' },
    });
    expect(await screen.findByRole('heading', { name: 'Recarga automática' })).toBeVisible();
    await screen.findByText('Recarga automática desactivada');
    expect(screen.getByRole('switch', { name: 'Recargar automáticamente' })).toBeVisible();
    observer.disconnect();
    expect(seen.join('\n')).not.toMatch(/Auto-recharge|Top up|Monthly limit|Save\b/);
  });

  it('lets the host reword any auto-recharge string over the translation', async () => {
    renderWithCredits(<AutoRechargeSettings />, {
      backend: { autoRecharge: {} },
      provider: {
        locale: 'fr-FR',
        labels: { autoRecharge: { title: 'Rechargement', issues: { not_positive: 'Trop bas' } } },
      },
    });
    expect(await screen.findByRole('heading', { name: 'Rechargement' })).toBeVisible();
    await waitFor(() =>
      expect(screen.getByRole('switch', { name: 'Recharger automatiquement' })).toBeVisible(),
    );
  });
});
