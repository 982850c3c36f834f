import { textDirection } from 'credits-core';
import type { CreditsTheme } from 'credits-react';
import { Switch } from 'radix-ui';
import { useId } from 'react';

export interface ControlsSheetProps {
  /** The widgets' colour scheme. */
  theme: Exclude<CreditsTheme, 'system'>;
  /** BCP 47 locale: its words and its text direction. */
  locale: string;
}

const fieldLabel = 'cr:flex cr:flex-col cr:gap-1 cr:text-sm cr:font-medium';
/** A group of controls, with room around it for their focus rings (each group is screenshotted). */
const group = 'cr:flex cr:gap-3 cr:p-3';
const column = `${group} cr:flex-col`;

const words = {
  en: {
    primary: 'Add credits',
    secondary: 'Cancel',
    danger: 'Remove card',
    disabled: 'Pay $10.00',
    cap: 'Monthly cap (USD)',
    buy: 'Buy',
    packages: ['10,000 credits for $10.00', '50,000 credits for $45.00'],
    saveCard: 'Save this card for future purchases',
    method: 'Payment method',
    savedCard: 'Visa ending in 4242',
    newCard: 'Use a new card',
    autoRecharge: 'Top up automatically',
    receipts: 'Email me receipts',
  },
  ar: {
    primary: 'إضافة رصيد',
    secondary: 'إلغاء',
    danger: 'إزالة البطاقة',
    disabled: 'ادفع',
    cap: 'الحد الشهري (USD)',
    buy: 'شراء',
    packages: ['١٠٬٠٠٠ رصيد', '٥٠٬٠٠٠ رصيد'],
    saveCard: 'احفظ هذه البطاقة لعمليات الشراء القادمة',
    method: 'طريقة الدفع',
    savedCard: 'Visa تنتهي بـ 4242',
    newCard: 'استخدم بطاقة جديدة',
    autoRecharge: 'اشحن تلقائيًا',
    receipts: 'أرسل لي الإيصالات بالبريد',
  },
};

/**
 * The controls every widget shares, in the kit's own classes inside a widget root (as
 * lib/WidgetRoot.tsx draws one): the three buttons and a disabled one, a text field and a
 * select, a checkbox, radios in option rows (one checked, one not), and the switch on and off.
 * The Controls stories show it at rest; packages/credits-react/test/browser/
 * Controls.browser.test.tsx screenshots its hover, pressed, focus and disabled states.
 */
export function ControlsSheet({ theme, locale }: ControlsSheetProps) {
  const id = useId();
  const text = /^ar\b/i.test(locale) ? words.ar : words.en;
  return (
    <div
      data-credits-root=""
      data-credits-theme={theme}
      dir={textDirection(locale)}
      lang={locale}
      className="cr:font-credits cr:text-fg credits-card cr:flex cr:flex-col"
    >
      <div data-testid="buttons" className={`${group} cr:flex-wrap`}>
        <button type="button" className="credits-button credits-button--primary">
          {text.primary}
        </button>
        <button type="button" className="credits-button credits-button--secondary">
          {text.secondary}
        </button>
        <button type="button" className="credits-button credits-button--danger">
          {text.danger}
        </button>
        <button type="button" className="credits-button credits-button--primary" disabled>
          {text.disabled}
        </button>
      </div>
      <div data-testid="fields" className={column}>
        <label className={fieldLabel}>
          {text.cap}
          <input className="credits-control" inputMode="decimal" defaultValue="50.00" />
        </label>
        <label className={fieldLabel}>
          {text.buy}
          <select className="credits-control" defaultValue="pkg_10k">
            <option value="pkg_10k">{text.packages[0]}</option>
            <option value="pkg_50k">{text.packages[1]}</option>
          </select>
        </label>
      </div>
      <div data-testid="checks" className={column}>
        <label className="cr:flex cr:min-h-6 cr:items-center cr:gap-2 cr:text-sm">
          <input type="checkbox" className="credits-check" />
          {text.saveCard}
        </label>
        <fieldset className="cr:m-0 cr:flex cr:min-w-0 cr:flex-col cr:gap-2 cr:border-0 cr:p-0">
          <legend className="cr:mb-2 cr:text-sm cr:font-semibold">{text.method}</legend>
          <label className="credits-option">
            <input type="radio" name={`${id}-method`} className="credits-check" defaultChecked />
            <span className="cr:flex-1">{text.savedCard}</span>
          </label>
          <label className="credits-option">
            <input type="radio" name={`${id}-method`} className="credits-check" />
            <span className="cr:flex-1">{text.newCard}</span>
          </label>
        </fieldset>
      </div>
      <div data-testid="switches" className={column}>
        {[
          { key: 'on', label: text.autoRecharge, on: true },
          { key: 'off', label: text.receipts, on: false },
        ].map(({ key, label, on }) => (
          <div key={key} className="cr:flex cr:items-center cr:gap-3">
            <Switch.Root id={`${id}-${key}`} defaultChecked={on} className="credits-switch">
              <Switch.Thumb className="credits-switch-thumb" />
            </Switch.Root>
            <label htmlFor={`${id}-${key}`} className="cr:text-sm cr:font-medium">
              {label}
            </label>
          </div>
        ))}
      </div>
    </div>
  );
}
