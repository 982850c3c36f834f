import { useFormatters } from '../hooks/useFormatters.js';
import { useLabels } from '../hooks/useLabels.js';
import { paymentLabels } from '../labels/paymentLabels.js';
import { CardBrandMark } from '../lib/CardBrandMark.js';
import { sheetBodyClass, sheetFooterClass, sheetSectionsClass } from '../lib/dialogClasses.js';
import { ErrorState } from '../lib/ErrorState.js';
import { FailureMessage } from '../lib/FailureMessage.js';
import { markCount, useIsolateValues } from '../lib/useIsolateValues.js';
import { paymentMethodName } from '../payment/describePaymentMethod.js';
import { NewCardFields } from '../payment/NewCardFields.js';
import { ProviderProblem } from '../payment/ProviderProblem.js';
import type { PaymentProviderState } from '../payment/usePaymentProvider.js';
import type { PurchaseFormProps } from './usePurchaseForm.js';

const fieldset = 'cr:flex cr:min-w-0 cr:flex-col cr:gap-2 cr:border-0 cr:p-0';
const radioInput = 'credits-check';

/**
 * The purchase form as the user sees it: packages and payment method in the scrolling body; the
 * order summary, Pay and who takes the payment in the fixed footer. Renders only.
 */
export function PurchaseFields({
  form,
  providerState,
}: {
  form: PurchaseFormProps;
  providerState: PaymentProviderState;
}) {
  const labels = useLabels(paymentLabels);
  const isolate = useIsolateValues();
  const format = useFormatters();
  const { packages, selectedPackage: chosen } = form;
  return (
    <form {...form.form} className={sheetSectionsClass}>
      <div data-slot="dialog-body" className={sheetBodyClass}>
        {packages.isError && (
          <ErrorState error={packages.error} onRetry={() => void packages.refetch()} />
        )}
        {providerState.status === 'error' && <ProviderProblem providerState={providerState} />}
        <fieldset className={fieldset} disabled={form.packagesLocked}>
          <legend className="cr:mb-2 cr:text-sm cr:font-semibold">{labels.choosePackage}</legend>
          {packages.isPending && (
            <p className="cr:text-sm cr:text-muted">{labels.loadingPackages}</p>
          )}
          {form.packageOptions.map(({ pkg, radio }) => (
            <label key={pkg.id} className="credits-option" data-slot="package-option">
              <input {...radio} className={radioInput} />
              <span className="cr:flex cr:flex-1 cr:flex-col">
                <span className="cr:font-semibold">
                  {labels.credits(format.count(pkg.credits))}
                  {pkg.label ? (
                    <span className="cr:font-normal cr:text-muted">
                      {`${labels.separator}${pkg.label}`}
                    </span>
                  ) : null}
                </span>
                <span className="cr:text-xs cr:text-muted">
                  {isolate((mark) =>
                    labels.pricePerThousand(
                      mark(
                        format.money({
                          amount: Math.round((pkg.price.amount * 1000) / pkg.credits),
                          currency: pkg.price.currency,
                        }),
                      ),
                      markCount(mark, format.count(1_000)),
                    ),
                  )}
                </span>
              </span>
              {pkg.badge && (
                <span className="credits-badge" data-tone="positive">
                  {Object.hasOwn(labels.packageBadges, pkg.badge)
                    ? labels.packageBadges[pkg.badge]
                    : pkg.badge}
                </span>
              )}
              <span className="cr:ms-auto cr:font-semibold cr:tabular-nums">
                {format.money(pkg.price)}
              </span>
            </label>
          ))}
        </fieldset>

        <fieldset className={fieldset} disabled={form.busy}>
          <legend className="cr:mb-2 cr:text-sm cr:font-semibold">{labels.paymentMethod}</legend>
          {form.methodOptions.map(({ method, expired, radio }) => (
            <label key={method.id} className="credits-option" data-slot="payment-method-option">
              <input {...radio} className={radioInput} />
              {method.card && <CardBrandMark brand={method.card.brand} />}
              <span className="cr:flex-1">{paymentMethodName(method, labels)}</span>
              {method.isDefault && (
                <span className="credits-badge" data-tone="positive">
                  {labels.defaultBadge}
                </span>
              )}
              {expired && <span className="cr:text-xs cr:text-danger">{labels.expired}</span>}
            </label>
          ))}
          <label className="credits-option" data-slot="payment-method-option">
            <input {...form.newCardRadio} className={radioInput} />
            <CardBrandMark brand="" />
            <span className="cr:flex-1">{labels.useNewCard}</span>
          </label>
          {form.newCard && (
            <>
              {/* "Test mode" is said once, in the footer, for every way to pay. */}
              <NewCardFields {...form.newCard} intent={form.stripeIntent} badge={false} />
              <label className="cr:flex cr:min-h-6 cr:items-center cr:gap-2 cr:text-sm">
                <input {...form.saveCard} className="credits-check" />
                {labels.saveCard}
              </label>
            </>
          )}
        </fieldset>
      </div>

      {/* Fixed under the scrolling body: what is paid for, Pay and why the last attempt failed. */}
      <div data-slot="dialog-footer" className={sheetFooterClass}>
        {providerState.status === 'unavailable' && (
          <ProviderProblem providerState={providerState} />
        )}
        <FailureMessage message={form.failure} slot="purchase-failure" />
        {/*
          What Pay pays for: the package with its price, then the total. Laid out in styles.css:
          two columns, the figures on the inline end (the left right to left), tabular digits.
        */}
        {chosen && (
          <dl data-slot="order-summary">
            <dt>
              {isolate((mark) => labels.credits(markCount(mark, format.count(chosen.credits))))}
              {chosen.label && `${labels.separator}${chosen.label}`}
            </dt>
            <dd>{format.money(chosen.price)}</dd>
            <dt>{labels.orderTotal}</dt>
            <dd>{format.money(chosen.price)}</dd>
          </dl>
        )}
        {form.tryAgain ? (
          <button {...form.tryAgain} className="credits-button credits-button--primary">
            {labels.tryAgain}
          </button>
        ) : (
          <button
            {...form.pay}
            data-slot="pay-button"
            className="credits-button credits-button--primary"
          />
        )}
        {/* The spinner on Pay shows it; this says it. */}
        <p {...form.status} role="status" className="cr:sr-only" />
        {/* Only what is true: Stripe takes the card; in test mode no real money moves. */}
        {(form.stripe || form.testMode) && (
          <p data-slot="payment-processor">
            {form.stripe && labels.processedByStripe}
            {form.testMode && (
              <span className="credits-badge" data-tone="warning">
                {labels.testMode}
              </span>
            )}
          </p>
        )}
      </div>
    </form>
  );
}
