/**
 * Our `--credits-*` tokens as Stripe Elements `appearance`, read from the
 * rendered widget, so the Payment Element matches the host's theme (dark too).
 */
export function stripeAppearance(element: Element | null, dark: boolean) {
  const style = element ? getComputedStyle(element) : undefined;
  const token = (name: string, fallback: string) =>
    style?.getPropertyValue(`--credits-${name}`).trim() || fallback;
  return {
    theme: dark ? ('night' as const) : ('stripe' as const),
    variables: {
      colorPrimary: token('accent', '#4338ca'),
      colorBackground: token('surface', '#ffffff'),
      colorText: token('fg', '#0f172a'),
      colorDanger: token('danger', '#b91c1c'),
      borderRadius: '6px',
      fontFamily: style?.fontFamily || 'system-ui, sans-serif',
    },
  };
}
