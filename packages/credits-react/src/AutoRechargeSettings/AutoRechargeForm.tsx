import {
  type CreditPackage,
  currencyDigits,
  expiryStatus,
  isCreditsError,
  type PaymentMethod,
} from 'credits-core';
import {
  type AutoRecharge,
  type AutoRechargeIssue,
  type AutoRechargeSettings,
  autoRechargeIssues,
  rechargesWithinCap,
} from 'credits-core/auto-recharge';
import { Switch } from 'radix-ui';
import { useId, useState } from 'react';
import { useCreditsContext } from '../CreditsProvider/CreditsContext.js';
import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { errorMessage } from '../lib/errorMessage.js';
import { markCount, useIsolateValues } from '../lib/useIsolateValues.js';
import { cardExpiry, paymentMethodName } from '../payment/describePaymentMethod.js';
import { AutoRechargeStatusLine } from './AutoRechargeStatusLine.js';
import type { AutoRechargeLabels } from './autoRechargeLabels.js';

interface Draft {
  enabled: boolean;
  threshold: string;
  packageId: string;
  cap: string;
  paymentMethodId: string;
}

const toDraft = ({ settings }: AutoRecharge): Draft => {
  const digits = currencyDigits(settings.monthlyCap.currency);
  return {
    enabled: settings.enabled,
    threshold: String(settings.thresholdCredits),
    packageId: settings.packageId,
    cap: (settings.monthlyCap.amount / 10 ** digits).toFixed(digits),
    paymentMethodId: settings.paymentMethodId ?? '',
  };
};

/** The draft as settings: the cap typed in major units becomes exact minor units. */
function toSettings(draft: Draft, packages: readonly CreditPackage[]): AutoRechargeSettings {
  const currency = packages.find((pack) => pack.id === draft.packageId)?.price.currency ?? 'USD';
  const digits = currencyDigits(currency);
  const cap = /^\d+([.,]\d+)?$/.test(draft.cap.trim())
    ? Math.round(Number(draft.cap.trim().replace(',', '.')) * 10 ** digits)
    : Number.NaN;
  return {
    enabled: draft.enabled,
    thresholdCredits: /^\d+$/.test(draft.threshold.trim()) ? Number(draft.threshold) : Number.NaN,
    packageId: draft.packageId,
    monthlyCap: { amount: cap, currency },
    paymentMethodId: draft.paymentMethodId === '' ? null : draft.paymentMethodId,
  };
}

export interface AutoRechargeFormProps {
  document: AutoRecharge;
  packages: readonly CreditPackage[];
  methods: readonly PaymentMethod[];
  labels: AutoRechargeLabels;
  saving: boolean;
  saveError: unknown;
  saved: boolean;
  onSave: (settings: AutoRechargeSettings) => void;
}

/** The settings form: opt-in switch, threshold, package, monthly cap, card; validated before saving. */
export function AutoRechargeForm(props: AutoRechargeFormProps) {
  const { document, packages, methods, labels } = props;
  const common = useLabels(paymentLabels);
  const format = useFormatters();
  const isolate = useIsolateValues();
  const { locale } = useCreditsContext('<AutoRechargeSettings>');
  const id = useId();
  const [draft, setDraft] = useState(() => toDraft(document));
  const [issues, setIssues] = useState<AutoRechargeIssue[]>([]);
  const settings = toSettings(draft, packages);
  const pack = packages.find((candidate) => candidate.id === draft.packageId);
  const count =
    pack && Number.isFinite(settings.monthlyCap.amount)
      ? rechargesWithinCap(settings.monthlyCap, pack.price)
      : 0;
  const issueOf = (path: AutoRechargeIssue['path']) => issues.find((issue) => issue.path === path);
  const serverIssue =
    isCreditsError(props.saveError) && props.saveError.code === 'payment_method_required'
      ? labels.issues.payment_method_required
      : props.saveError
        ? errorMessage(props.saveError, common)
        : undefined;
  const set = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));

  const field = (path: AutoRechargeIssue['path'], hint?: string) => {
    const issue = issueOf(path);
    const describedBy = [hint && `${id}-${path}-hint`, issue && `${id}-${path}-error`]
      .filter(Boolean)
      .join(' ');
    return {
      id: `${id}-${path}`,
      'aria-invalid': issue ? true : undefined,
      'aria-describedby': describedBy || undefined,
      className: 'credits-control',
    } as const;
  };
  const message = (path: AutoRechargeIssue['path']) => {
    const issue = issueOf(path);
    return issue ? (
      <p
        id={`${id}-${path}-error`}
        data-slot="field-error"
        className="cr:m-0 cr:text-sm cr:text-danger"
      >
        {labels.issues[issue.code]}
      </p>
    ) : null;
  };
  const label = 'cr:flex cr:flex-col cr:gap-1 cr:text-sm cr:font-medium';

  return (
    <form
      noValidate
      className="cr:flex cr:flex-col cr:gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        const found = autoRechargeIssues(settings, packages, methods);
        setIssues(found);
        if (found.length === 0) props.onSave(settings);
        else window.document.getElementById(`${id}-${found[0]!.path}`)?.focus();
      }}
    >
      <AutoRechargeStatusLine document={document} labels={labels} />
      <div className="cr:flex cr:items-center cr:gap-3">
        <Switch.Root
          id={`${id}-enabled`}
          checked={draft.enabled}
          onCheckedChange={(enabled) => set({ enabled })}
          className="credits-switch"
        >
          <Switch.Thumb className="credits-switch-thumb" />
        </Switch.Root>
        <label htmlFor={`${id}-enabled`} className="cr:text-sm cr:font-medium">
          {labels.enable}
        </label>
      </div>
      <div className="cr:grid cr:gap-4 cr:sm:grid-cols-2">
        <div className={label}>
          <label htmlFor={`${id}-thresholdCredits`}>{labels.threshold}</label>
          <input
            {...field('thresholdCredits', labels.thresholdHint)}
            inputMode="numeric"
            value={draft.threshold}
            onChange={(event) => set({ threshold: event.target.value })}
          />
          <span id={`${id}-thresholdCredits-hint`} className="cr:font-normal cr:text-muted">
            {labels.thresholdHint}
          </span>
          {message('thresholdCredits')}
        </div>
        <div className={label}>
          <label htmlFor={`${id}-packageId`}>{labels.package}</label>
          <select
            {...field('packageId')}
            value={draft.packageId}
            onChange={(event) => set({ packageId: event.target.value })}
          >
            {packages.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {isolate((mark) =>
                  labels.packageOption(
                    mark(format.credits(candidate.credits)),
                    mark(format.money(candidate.price)),
                  ),
                )}
              </option>
            ))}
          </select>
          {message('packageId')}
        </div>
        <div className={label}>
          <label htmlFor={`${id}-monthlyCap`}>
            {labels.monthlyCap} ({settings.monthlyCap.currency})
          </label>
          <input
            {...field('monthlyCap', 'hint')}
            inputMode="decimal"
            value={draft.cap}
            onChange={(event) => set({ cap: event.target.value })}
          />
          <span
            id={`${id}-monthlyCap-hint`}
            data-slot="cap-hint"
            className="cr:font-normal cr:text-muted"
          >
            {isolate((mark) => labels.capHint(markCount(mark, format.count(count))))}
          </span>
          {message('monthlyCap')}
        </div>
        <div className={label}>
          <label htmlFor={`${id}-paymentMethodId`}>{labels.card}</label>
          <select
            {...field('paymentMethodId')}
            value={draft.paymentMethodId}
            onChange={(event) => set({ paymentMethodId: event.target.value })}
          >
            <option value="">{labels.defaultCard}</option>
            {methods.map((method) => {
              const expired = expiryStatus(method) === 'expired';
              return (
                <option key={method.id} value={method.id} disabled={expired}>
                  {paymentMethodName(method, common)}
                  {cardExpiry(method, locale) ? ` · ${cardExpiry(method, locale)}` : ''}
                  {expired ? ` (${labels.expired})` : ''}
                </option>
              );
            })}
          </select>
          {message('paymentMethodId')}
        </div>
      </div>
      {serverIssue && (
        <p role="alert" data-slot="save-error" className="cr:m-0 cr:text-sm cr:text-danger">
          {serverIssue}
        </p>
      )}
      <div className="cr:flex cr:items-center cr:gap-3">
        <button
          type="submit"
          className="credits-button credits-button--primary"
          aria-disabled={props.saving || undefined}
          disabled={props.saving}
        >
          {props.saving ? labels.saving : labels.save}
        </button>
        <span role="status" className="cr:text-sm cr:text-muted">
          {props.saved && !props.saving ? labels.saved : ''}
        </span>
      </div>
    </form>
  );
}
