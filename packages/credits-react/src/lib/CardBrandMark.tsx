/** The brands the contract names (`visa`, `mastercard`, `amex`, as Stripe names them). */
const brands = new Set(['visa', 'mastercard', 'amex']);

/**
 * A card brand's mark; any other brand gets a generic card. Decorative: the card's name beside
 * it ("Visa •••• 4242", from the labels) already says the brand, so assistive technology skips
 * the mark rather than reading the brand twice. The artwork is in styles.css (`.credits-brand`),
 * drawn there rather than fetched: no request, no CSP exception, no script bytes.
 */
export function CardBrandMark({ brand }: { brand: string }) {
  const key = brand.toLowerCase();
  return (
    <span
      aria-hidden="true"
      data-slot="card-brand"
      data-brand={brands.has(key) ? key : 'generic'}
      className="credits-brand"
    />
  );
}
