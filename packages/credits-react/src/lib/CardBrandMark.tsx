/** The brands the contract names (`visa`, `mastercard`, `amex`, as Stripe names them). */
const names: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
};

/**
 * A card brand's mark, named for assistive technology by the brand; any other
 * brand gets a generic card. The artwork is in styles.css (`.credits-brand`),
 * drawn there rather than fetched: no request, no CSP exception, no script bytes.
 */
export function CardBrandMark({ brand }: { brand: string }) {
  const key = brand.toLowerCase();
  return (
    <span
      role="img"
      aria-label={names[key] ?? brand}
      data-slot="card-brand"
      data-brand={key in names ? key : 'generic'}
      className="credits-brand"
    />
  );
}
