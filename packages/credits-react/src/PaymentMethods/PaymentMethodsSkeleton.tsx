/**
 * Two saved-card rows while the list loads, shaped like the loaded rows (mark,
 * name and expiry, the "⋯" button), so the card does not grow under the user.
 */
export function PaymentMethodsSkeleton({ label }: { label: string }) {
  return (
    <div
      data-slot="payment-methods-skeleton"
      className="cr:flex cr:flex-col cr:divide-y cr:divide-border"
    >
      <p className="cr:sr-only">{label}</p>
      {[0, 1].map((key) => (
        <div key={key} aria-hidden="true" className="cr:flex cr:items-center cr:gap-3 cr:py-3">
          <span className="credits-skeleton cr:h-5 cr:w-8" />
          <span className="cr:flex cr:grow cr:flex-col">
            <span className="cr:flex cr:h-6 cr:items-center">
              <span className="credits-skeleton cr:h-3 cr:w-36" />
            </span>
            <span className="cr:flex cr:h-4 cr:items-center">
              <span className="credits-skeleton cr:h-2.5 cr:w-20" />
            </span>
          </span>
          <span className="credits-skeleton cr:size-8 cr:rounded-md" />
        </div>
      ))}
    </div>
  );
}
